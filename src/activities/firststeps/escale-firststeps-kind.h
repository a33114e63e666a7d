/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-activity.h"

G_BEGIN_DECLS

extern const EscaleActivityKind escale_firststeps_kind;

/* The skills, in the order of the lesson; each has its two counters,
 * "SKILL-started" and "SKILL-completed". */
typedef enum
{
  ESCALE_FIRSTSTEPS_SKILL_TOUCH,
  ESCALE_FIRSTSTEPS_SKILL_DOUBLE,
  ESCALE_FIRSTSTEPS_SKILL_DRAG,
  ESCALE_FIRSTSTEPS_SKILL_SCROLL,
  ESCALE_FIRSTSTEPS_SKILL_TYPE,
  ESCALE_FIRSTSTEPS_SKILL_BUTTONS,
  ESCALE_FIRSTSTEPS_N_SKILLS,
} EscaleFirststepsSkill;

#define ESCALE_FIRSTSTEPS_MAX_VILLAGES 6
#define ESCALE_FIRSTSTEPS_MAX_VILLAGE_LENGTH 24

const char *escale_firststeps_skill_name (EscaleFirststepsSkill skill);
char **escale_firststeps_kind_get_villages (EscaleActivity *activity);
char *escale_firststeps_kind_get_picture (EscaleActivity *activity);

GType escale_firststeps_kind_view_type (EscaleActivity *activity); /* escale-firststeps-view.c */

G_END_DECLS
