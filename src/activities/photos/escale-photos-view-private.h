/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-photo-decoder.h"
#include "escale-photo-library.h"
#include "escale-photos-view.h"

G_BEGIN_DECLS

/* Shared by escale-photos-view.c (media, photos, printing, lifetime) and
 * escale-photos-view-screens.c (the widgets of each screen). */
struct _EscalePhotosView
{
  EscaleActivityView parent_instance;

  /* children */
  GtkWidget *stack;
  GtkPicture *ports_picture;
  GtkLabel *waiting_hint;
  GtkWidget *choose_box;
  GtkLabel *scanning_title;
  GtkLabel *scanning_label;
  GtkLabel *grid_title;
  GtkWidget *remove_button;
  EscalePhotoGrid *grid;
  EscalePhotoViewer *viewer;
  GtkLabel *message_title;
  GtkLabel *message_text;
  GtkWidget *message_button;

  /* borrowed from EscaleActivityView */
  EscaleActivity *activity;
  EscaleVisit *visit;

  /* owned */
  EscalePhotoMedia *media;
  EscalePhotoDecoder *decoder;
  EscalePhotoMedium *medium;      /* the one opened, or NULL */
  EscalePhotoLibrary *library;    /* its photos */
  GListModel *photos;             /* of EscalePhoto, newest first */
  GCancellable *cancellable;      /* everything about the medium opened */
  GCancellable *full_cancellable; /* the photo shown full screen */
  guint pages_printed;
  gboolean removing;
};

void _escale_photos_view_build (EscalePhotosView *self);
void _escale_photos_view_set_ports_picture (EscalePhotosView *self, const char *path);

G_END_DECLS
