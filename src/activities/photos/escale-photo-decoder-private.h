/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-photo-decoder.h"

G_BEGIN_DECLS

/* For tests only: a decoder running @helper (a program speaking the
 * protocol of escale-photo-helper.h, in the same sandbox) with a timeout of
 * @timeout_ms instead of 15 s, to prove that a helper that hangs is killed
 * and one that looks around sees nothing. */
EscalePhotoDecoder *_escale_photo_decoder_new_for_test (const char *helper, guint timeout_ms);

G_END_DECLS
