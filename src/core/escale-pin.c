/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-pin"

#include <errno.h>
#include <gcrypt.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>

#include "escale-pin.h"

#define SALT_BYTES 16
#define HASH_BYTES 32

static void
ensure_gcrypt (void)
{
  if (gcry_control (GCRYCTL_INITIALIZATION_FINISHED_P))
    return;
  gcry_check_version (NULL);
  gcry_control (GCRYCTL_DISABLE_SECMEM, 0);
  gcry_control (GCRYCTL_INITIALIZATION_FINISHED, 0);
}

/* A staff code is 6 to 12 digits: typed on the PIN pad. */
gboolean
escale_pin_is_acceptable (const char *pin)
{
  gsize len;

  if (pin == NULL)
    return FALSE;
  len = strlen (pin);
  if (len < ESCALE_PIN_MIN_DIGITS || len > ESCALE_PIN_MAX_DIGITS)
    return FALSE;
  for (const char *p = pin; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

static gboolean
argon2id (const char *pin, const guint8 *salt, gsize salt_len, guint memory_kib, guint passes,
          guint8 *out, gsize out_len, GError **error)
{
  unsigned long params[4] = { out_len, passes, memory_kib, 1 };
  gcry_kdf_hd_t hd = NULL;
  gcry_error_t err;

  ensure_gcrypt ();
  err = gcry_kdf_open (&hd, GCRY_KDF_ARGON2, GCRY_KDF_ARGON2ID, params, 4, pin, strlen (pin), salt,
                       salt_len, NULL, 0, NULL, 0);
  if (!err)
    err = gcry_kdf_compute (hd, NULL);
  if (!err)
    err = gcry_kdf_final (hd, out_len, out);
  if (hd != NULL)
    gcry_kdf_close (hd);
  if (err)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Argon2id failed: %s",
                   gcry_strerror (err));
      return FALSE;
    }
  return TRUE;
}

static char *
b64 (const guint8 *data, gsize len)
{
  char *text = g_base64_encode (data, len);
  char *pad = strchr (text, '=');

  if (pad)
    *pad = '\0';
  return text;
}

static guint8 *
unb64 (const char *text, gsize *len)
{
  gsize n = strlen (text);
  g_autofree char *padded = g_strnfill (n + (4 - n % 4) % 4, '=');

  memcpy (padded, text, n);
  return g_base64_decode (padded, len);
}

/* Hashes @pin with a fresh random salt. */
char *
escale_pin_hash (const char *pin, guint memory_kib, guint passes, GError **error)
{
  guint8 salt[SALT_BYTES];
  guint8 hash[HASH_BYTES];
  g_autofree char *salt_text = NULL;
  g_autofree char *hash_text = NULL;
  char *result;

  g_return_val_if_fail (pin != NULL, NULL);

  if (getrandom (salt, sizeof salt, 0) != sizeof salt)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "No random numbers for the salt: %s", g_strerror (saved));
      return NULL;
    }
  if (!argon2id (pin, salt, sizeof salt, memory_kib, passes, hash, sizeof hash, error))
    return NULL;

  salt_text = b64 (salt, sizeof salt);
  hash_text = b64 (hash, sizeof hash);
  result = g_strdup_printf ("$argon2id$v=19$m=%u,t=%u,p=1$%s$%s", memory_kib, passes, salt_text,
                            hash_text);
  memset (hash, 0, sizeof hash);
  return result;
}

/* Sets *@matches to whether @pin is the code hashed in @stored. Returns
 * FALSE only when @stored is not a valid hash string. */
gboolean
escale_pin_verify (const char *pin, const char *stored, gboolean *matches, GError **error)
{
  g_auto (GStrv) parts = NULL;
  g_autofree guint8 *salt = NULL;
  g_autofree guint8 *expected = NULL;
  g_autofree guint8 *actual = NULL;
  gsize salt_len = 0, expected_len = 0;
  guint memory_kib = 0, passes = 0, lanes = 0;
  guint8 diff = 0;

  g_return_val_if_fail (matches != NULL, FALSE);
  *matches = FALSE;

  /* "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash */
  parts = stored ? g_strsplit (stored, "$", -1) : NULL;
  if (parts == NULL || g_strv_length (parts) != 6 || !g_str_equal (parts[1], "argon2id") ||
      !g_str_equal (parts[2], "v=19") ||
      sscanf (parts[3], "m=%u,t=%u,p=%u", &memory_kib, &passes, &lanes) != 3 || lanes != 1 ||
      memory_kib < 8 || memory_kib > 4 * 1024 * 1024 || passes < 1 || passes > 100)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "The stored staff code is not an Argon2id hash");
      return FALSE;
    }
  salt = unb64 (parts[4], &salt_len);
  expected = unb64 (parts[5], &expected_len);
  if (salt_len < 8 || expected_len < 16 || expected_len > 64)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "The stored staff code is damaged");
      return FALSE;
    }

  /* Argon2 refuses an empty password: an empty code never matches. */
  if (pin == NULL || *pin == '\0')
    return TRUE;

  actual = g_malloc (expected_len);
  if (!argon2id (pin, salt, salt_len, memory_kib, passes, actual, expected_len, error))
    return FALSE;

  /* Constant time: look at every byte whatever the first difference. */
  for (gsize i = 0; i < expected_len; i++)
    diff |= actual[i] ^ expected[i];
  memset (actual, 0, expected_len);
  *matches = diff == 0;
  return TRUE;
}
