/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-demarches"

#include <glib/gi18n-lib.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "escale-document.h"

/* The blocks are kept as text; each rendering lays them out again with
 * Pango at 72 dpi (so Pango's units are points) without hinting, so that
 * the page breaks are the same on a PDF surface and on a printer's. The
 * layout is a list of pieces (one line of text, a box, a dotted line) with
 * their page and place; counting pages and drawing share it. */

#define MARGIN 56.7 /* 2 cm */
#define CONTENT_WIDTH (ESCALE_DOCUMENT_A4_WIDTH - 2 * MARGIN)
#define BOTTOM (ESCALE_DOCUMENT_A4_HEIGHT - MARGIN)
#define LABEL_WIDTH (CONTENT_WIDTH * 0.38)
#define COLUMN_GAP 12.0
#define BOX_SIZE 11.0
#define ITEM_INDENT 24.0

typedef enum
{
  BLOCK_HEADING,
  BLOCK_PARAGRAPH,
  BLOCK_CHECK_ITEM,
  BLOCK_FIELD,
  BLOCK_PAGE_BREAK,
} BlockType;

typedef struct
{
  BlockType type;
  char *text;  /* the heading, paragraph, item, or the field's label */
  char *value; /* a field's value, or NULL */
} Block;

typedef enum
{
  PIECE_LINE,   /* one line of a layout, at its baseline */
  PIECE_BOX,    /* an empty square to tick, its top left at x, y */
  PIECE_DOTTED, /* a dotted line to write on, from x to x2 at y */
  PIECE_RULE,   /* a thin line under the title, from x to x2 at y */
} PieceType;

typedef struct
{
  PieceType type;
  guint page; /* from 0 */
  double x, y, x2;
  PangoLayout *layout; /* PIECE_LINE; owned by the Layout's list */
  int line;
} Piece;

typedef struct
{
  PangoContext *context;
  GPtrArray *layouts; /* of PangoLayout, owned */
  GArray *pieces;     /* of Piece */
  guint page;
  double y; /* the top of what comes next */
} Layout;

struct _EscaleDocument
{
  GObject parent_instance;

  char *title;
  GArray *blocks; /* of Block */
};

G_DEFINE_FINAL_TYPE (EscaleDocument, escale_document, G_TYPE_OBJECT)

/* clang-format off */
G_DEFINE_QUARK (escale-document-error-quark, escale_document_error)
/* clang-format on */

static void
block_clear (Block *block)
{
  g_clear_pointer (&block->text, g_free);
  g_clear_pointer (&block->value, g_free);
}

static void
layout_clear (Layout *layout)
{
  g_clear_object (&layout->context);
  g_clear_pointer (&layout->layouts, g_ptr_array_unref);
  g_clear_pointer (&layout->pieces, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Layout, layout_clear)

static PangoLayout *
text_layout (Layout *layout, const char *text, const char *font, double width)
{
  PangoLayout *pango = pango_layout_new (layout->context);
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);

  pango_layout_set_font_description (pango, description);
  pango_layout_set_width (pango, pango_units_from_double (width));
  pango_layout_set_wrap (pango, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (pango, text, -1);
  g_ptr_array_add (layout->layouts, pango);
  return pango;
}

static double
layout_height (PangoLayout *pango)
{
  int height;

  pango_layout_get_size (pango, NULL, &height);
  return pango_units_to_double (height);
}

static void
new_page (Layout *layout)
{
  layout->page++;
  layout->y = MARGIN;
}

/* Starts a new page unless @needed points fit below (or the page is
 * still empty, when nothing would be gained). */
static void
ensure_room (Layout *layout, double needed)
{
  if (layout->y + needed > BOTTOM && layout->y > MARGIN)
    new_page (layout);
}

static void
add_piece (Layout *layout, PieceType type, double x, double y, double x2, PangoLayout *pango,
           int line)
{
  Piece piece = { type, layout->page, x, y, x2, pango, line };

  g_array_append_val (layout->pieces, piece);
}

/* Places @pango's lines from the current place at @x, a line going to the
 * next page when it does not fit; with @split FALSE, all on the current
 * page (the caller made room). Returns the baseline of its last line. */
static double
place_lines (Layout *layout, PangoLayout *pango, double x, gboolean split)
{
  PangoLayoutIter *iter = pango_layout_get_iter (pango);
  double top = layout->y;
  double offset = 0; /* the layout's y of this page's first line */
  double last_baseline = top;
  int index = 0;

  do
    {
      PangoRectangle logical;
      double line_top, line_bottom;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line_top = pango_units_to_double (logical.y);
      line_bottom = pango_units_to_double (logical.y + logical.height);
      if (split && top + line_bottom - offset > BOTTOM && (line_top > offset || top > MARGIN))
        {
          new_page (layout);
          top = layout->y;
          offset = line_top;
        }
      last_baseline = top + pango_units_to_double (pango_layout_iter_get_baseline (iter)) - offset;
      add_piece (layout, PIECE_LINE, x, last_baseline, 0, pango, index++);
      layout->y = top + line_bottom - offset;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return last_baseline;
}

static void
place_field (Layout *layout, const Block *block)
{
  PangoLayout *label = text_layout (layout, block->text, "Sans Bold 11.5", LABEL_WIDTH);
  gboolean empty = block->value == NULL || block->value[0] == '\0';
  PangoLayout *value = NULL;
  double value_x = MARGIN + LABEL_WIDTH + COLUMN_GAP;
  double top, bottom, baseline;

  if (!empty)
    value =
      text_layout (layout, block->value, "Sans 11.5", CONTENT_WIDTH - LABEL_WIDTH - COLUMN_GAP);
  ensure_room (layout, MAX (layout_height (label), value ? layout_height (value) : 0) + 8);
  top = layout->y;
  baseline = place_lines (layout, label, MARGIN, FALSE);
  bottom = layout->y;
  if (value != NULL)
    {
      layout->y = top;
      place_lines (layout, value, value_x, FALSE);
      bottom = MAX (bottom, layout->y);
    }
  else
    {
      /* A line to write the answer on by hand. */
      add_piece (layout, PIECE_DOTTED, value_x, baseline + 2, MARGIN + CONTENT_WIDTH, NULL, 0);
    }
  layout->y = bottom + 8;
}

static void
place_block (Layout *layout, const Block *block)
{
  PangoLayout *pango;

  switch (block->type)
    {
    case BLOCK_HEADING:
      pango = text_layout (layout, block->text, "Sans Bold 14", CONTENT_WIDTH);
      layout->y += layout->y > MARGIN ? 12 : 0;
      /* A heading never ends a page: it keeps two lines of what follows. */
      ensure_room (layout, layout_height (pango) + 36);
      place_lines (layout, pango, MARGIN, TRUE);
      layout->y += 6;
      break;
    case BLOCK_PARAGRAPH:
      pango = text_layout (layout, block->text, "Sans 11.5", CONTENT_WIDTH);
      pango_layout_set_spacing (pango, pango_units_from_double (2));
      place_lines (layout, pango, MARGIN, TRUE);
      layout->y += 9;
      break;
    case BLOCK_CHECK_ITEM:
      pango = text_layout (layout, block->text, "Sans 11.5", CONTENT_WIDTH - ITEM_INDENT);
      ensure_room (layout, MIN (layout_height (pango), 3 * 16.0));
      add_piece (layout, PIECE_BOX, MARGIN, layout->y + 2.5, 0, NULL, 0);
      place_lines (layout, pango, MARGIN + ITEM_INDENT, TRUE);
      layout->y += 7;
      break;
    case BLOCK_FIELD:
      place_field (layout, block);
      break;
    case BLOCK_PAGE_BREAK:
      if (layout->y > MARGIN)
        new_page (layout);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
lay_out (EscaleDocument *self, Layout *layout)
{
  cairo_font_options_t *options = cairo_font_options_create ();
  PangoLayout *title;
  double baseline;

  layout->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (layout->context, 72);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (layout->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_language (layout->context, pango_language_from_string ("fr"));
  layout->layouts = g_ptr_array_new_with_free_func (g_object_unref);
  layout->pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  layout->page = 0;
  layout->y = MARGIN;

  title = text_layout (layout, self->title, "Sans Bold 20", CONTENT_WIDTH);
  baseline = place_lines (layout, title, MARGIN, TRUE);
  add_piece (layout, PIECE_RULE, MARGIN, baseline + 10, MARGIN + CONTENT_WIDTH, NULL, 0);
  layout->y += 22;
  for (guint i = 0; i < self->blocks->len; i++)
    place_block (layout, &g_array_index (self->blocks, Block, i));
}

static void
draw_piece (cairo_t *cr, const Piece *piece)
{
  static const double dots[] = { 1.0, 3.0 };

  switch (piece->type)
    {
    case PIECE_LINE:
      cairo_move_to (cr, piece->x, piece->y);
      pango_cairo_show_layout_line (cr,
                                    pango_layout_get_line_readonly (piece->layout, piece->line));
      break;
    case PIECE_BOX:
      cairo_set_line_width (cr, 1.2);
      cairo_rectangle (cr, piece->x, piece->y, BOX_SIZE, BOX_SIZE);
      cairo_stroke (cr);
      break;
    case PIECE_DOTTED:
    case PIECE_RULE:
      cairo_save (cr);
      cairo_set_line_width (cr, piece->type == PIECE_RULE ? 1.0 : 0.8);
      if (piece->type == PIECE_DOTTED)
        cairo_set_dash (cr, dots, G_N_ELEMENTS (dots), 0);
      cairo_move_to (cr, piece->x, piece->y);
      cairo_line_to (cr, piece->x2, piece->y);
      cairo_stroke (cr);
      cairo_restore (cr);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
draw_page_number (cairo_t *cr, Layout *layout, guint page, guint n_pages)
{
  /* TRANSLATORS: at the foot of a printed page: "page 1 sur 2" */
  g_autofree char *text = g_strdup_printf (_ ("page %u sur %u"), page + 1, n_pages);
  PangoLayout *pango = text_layout (layout, text, "Sans 9", CONTENT_WIDTH);

  pango_layout_set_alignment (pango, PANGO_ALIGN_CENTER);
  cairo_move_to (cr, MARGIN, BOTTOM + 14);
  pango_cairo_show_layout (cr, pango);
}

guint
escale_document_count_pages (EscaleDocument *self)
{
  g_auto(Layout) layout = { 0 };

  g_return_val_if_fail (ESCALE_IS_DOCUMENT (self), 0);
  lay_out (self, &layout);
  return layout.page + 1;
}

gboolean
escale_document_render (EscaleDocument *self, cairo_t *cr, GError **error)
{
  g_auto(Layout) layout = { 0 };
  guint n_pages;
  guint next = 0;

  g_return_val_if_fail (ESCALE_IS_DOCUMENT (self), FALSE);
  lay_out (self, &layout);
  n_pages = layout.page + 1;
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint page = 0; page < n_pages; page++)
    {
      while (next < layout.pieces->len && g_array_index (layout.pieces, Piece, next).page == page)
        draw_piece (cr, &g_array_index (layout.pieces, Piece, next++));
      if (n_pages > 1)
        draw_page_number (cr, &layout, page, n_pages);
      cairo_show_page (cr);
    }
  cairo_restore (cr);
  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, ESCALE_DOCUMENT_ERROR, ESCALE_DOCUMENT_ERROR_FAILED,
                   "the document could not be drawn: %s",
                   cairo_status_to_string (cairo_status (cr)));
      return FALSE;
    }
  return TRUE;
}

static cairo_status_t
append_cb (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
escale_document_to_pdf (EscaleDocument *self, GError **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  gboolean drawn;

  g_return_val_if_fail (ESCALE_IS_DOCUMENT (self), NULL);
  surface = cairo_pdf_surface_create_for_stream (append_cb, bytes, ESCALE_DOCUMENT_A4_WIDTH,
                                                 ESCALE_DOCUMENT_A4_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Escale");
  cr = cairo_create (surface);
  drawn = escale_document_render (self, cr, error);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (!drawn)
    return NULL;
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, ESCALE_DOCUMENT_ERROR, ESCALE_DOCUMENT_ERROR_FAILED,
                   "the PDF could not be made: %s", cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

static void
add_block (EscaleDocument *self, BlockType type, const char *text, const char *value)
{
  Block block = { type, g_strdup (text ? text : ""), g_strdup (value) };

  g_array_append_val (self->blocks, block);
}

void
escale_document_add_heading (EscaleDocument *self, const char *text)
{
  g_return_if_fail (ESCALE_IS_DOCUMENT (self));
  add_block (self, BLOCK_HEADING, text, NULL);
}

void
escale_document_add_paragraph (EscaleDocument *self, const char *text)
{
  g_return_if_fail (ESCALE_IS_DOCUMENT (self));
  add_block (self, BLOCK_PARAGRAPH, text, NULL);
}

void
escale_document_add_check_item (EscaleDocument *self, const char *text)
{
  g_return_if_fail (ESCALE_IS_DOCUMENT (self));
  add_block (self, BLOCK_CHECK_ITEM, text, NULL);
}

void
escale_document_add_field (EscaleDocument *self, const char *label, const char *value)
{
  g_return_if_fail (ESCALE_IS_DOCUMENT (self));
  add_block (self, BLOCK_FIELD, label, value);
}

void
escale_document_add_page_break (EscaleDocument *self)
{
  g_return_if_fail (ESCALE_IS_DOCUMENT (self));
  add_block (self, BLOCK_PAGE_BREAK, NULL, NULL);
}

const char *
escale_document_get_title (EscaleDocument *self)
{
  g_return_val_if_fail (ESCALE_IS_DOCUMENT (self), NULL);
  return self->title;
}

void
escale_document_clear (EscaleDocument *self)
{
  g_return_if_fail (ESCALE_IS_DOCUMENT (self));
  g_array_set_size (self->blocks, 0);
}

static void
escale_document_finalize (GObject *object)
{
  EscaleDocument *self = ESCALE_DOCUMENT (object);

  g_free (self->title);
  g_array_unref (self->blocks);
  G_OBJECT_CLASS (escale_document_parent_class)->finalize (object);
}

static void
escale_document_class_init (EscaleDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = escale_document_finalize;
}

static void
escale_document_init (EscaleDocument *self)
{
  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (self->blocks, (GDestroyNotify) block_clear);
}

EscaleDocument *
escale_document_new (const char *title)
{
  EscaleDocument *self = g_object_new (ESCALE_TYPE_DOCUMENT, NULL);

  self->title = g_strdup (title ? title : "");
  return self;
}
