/* pv-force.c
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "peyvand-layout"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pv-force-private.h"

/* Barnes-Hut: a cell whose side is under THETA times its distance pushes
 * as one body at its centre of mass.  1.2 keeps the error in the total
 * push to a few per cent, which the cooling absorbs. */
#define THETA 1.2

/* Every node is drawn towards the centre of mass with GRAVITY r² / sqrt(M)
 * (r its distance, M the graph's mass), so that a piece of the graph with
 * no edges to the rest stays near it, where M / r, the push of the graph,
 * equals the gravity: at r = sqrt(M) / GRAVITY^(1/3), about twice the
 * radius of a graph of edges a unit or two long, instead of drifting off.
 * Square in r, it hardly squeezes the middle of the graph. */
#define GRAVITY 1.0

/* Bodies on the same spot would split cells forever: below this depth
 * they share a leaf. */
#define MAX_DEPTH 30

/* The coarsest graph, laid out from random positions, has at most this
 * many nodes; coarsening also stops when a matching no longer shrinks the
 * graph below MIN_SHRINK of its size (stars, isolated nodes). */
#define COARSEST_NODES 40
#define MIN_SHRINK 0.8

/* Iterations and cooling: the coarsest graph starts at a fifth of its
 * side and cools over COARSEST_ITERATIONS; each finer graph starts from
 * its parents' positions at half its nodes' spacing and needs only
 * LEVEL_ITERATIONS to spread them, and the graphs of more than a quarter
 * of the nodes, whose iterations cost the most and whose shape is set by
 * then, half as many (cooling as much in all). */
#define COARSEST_ITERATIONS 200
#define COARSEST_COOLING 0.97
#define LEVEL_ITERATIONS 20
#define LEVEL_COOLING 0.9

/* Two bodies closer than this push as if this far apart. */
#define MIN_DISTANCE2 1e-6

#define NONE G_MAXUINT

typedef struct
{
  guint n_nodes;
  guint n_edges;
  double *mass;
  guint *source;
  guint *target;
  double *pull;
  guint *parent; /* node → node of the next coarser level */
} Level;

typedef struct
{
  double x0, y0, side;
  double mass, cx, cy;
  guint first_child; /* NONE for a leaf; else four cells in a row */
  guint body;        /* a leaf's first body, chained through next_body */
} Cell;

struct _PvForce
{
  GArray *levels; /* of Level, [0] the graph itself */

  /* scratch for one iteration */
  GArray *cells;
  guint *next_body;
  double *dx, *dy;
  guint capacity;
};

static void
level_clear (Level *level)
{
  g_free (level->mass);
  g_free (level->source);
  g_free (level->target);
  g_free (level->pull);
  g_free (level->parent);
}

PvForce *
pv_force_new (guint n_nodes, guint n_edges, const guint *source, const guint *target,
              const double *pull)
{
  PvForce *force = g_new0 (PvForce, 1);
  Level level = { 0 };

  level.n_nodes = n_nodes;
  level.n_edges = n_edges;
  level.mass = g_new (double, MAX (n_nodes, 1));
  for (guint i = 0; i < n_nodes; i++)
    level.mass[i] = 1;
  level.source = g_memdup2 (source, sizeof (guint) * n_edges);
  level.target = g_memdup2 (target, sizeof (guint) * n_edges);
  level.pull = g_memdup2 (pull, sizeof (double) * n_edges);

  force->levels = g_array_new (FALSE, TRUE, sizeof (Level));
  g_array_set_clear_func (force->levels, (GDestroyNotify)level_clear);
  g_array_append_val (force->levels, level);
  force->cells = g_array_new (FALSE, FALSE, sizeof (Cell));
  force->capacity = MAX (n_nodes, 1);
  force->next_body = g_new (guint, force->capacity);
  force->dx = g_new (double, force->capacity);
  force->dy = g_new (double, force->capacity);
  return force;
}

void
pv_force_free (PvForce *force)
{
  if (force == NULL)
    return;
  g_array_unref (force->levels);
  g_array_unref (force->cells);
  g_free (force->next_body);
  g_free (force->dx);
  g_free (force->dy);
  g_free (force);
}

/* The quadtree --------------------------------------------------------------- */

static guint
cell_add (GArray *cells, double x0, double y0, double side)
{
  Cell cell = { x0, y0, side, 0, 0, 0, NONE, NONE };

  g_array_append_val (cells, cell);
  return cells->len - 1;
}

static void
cell_split (GArray *cells, guint index)
{
  Cell cell = g_array_index (cells, Cell, index);
  double half = cell.side / 2;
  guint first = cell_add (cells, cell.x0, cell.y0, half);

  cell_add (cells, cell.x0 + half, cell.y0, half);
  cell_add (cells, cell.x0, cell.y0 + half, half);
  cell_add (cells, cell.x0 + half, cell.y0 + half, half);
  g_array_index (cells, Cell, index).first_child = first;
}

static guint
cell_quadrant (const Cell *cell, double x, double y)
{
  double half = cell->side / 2;

  return (x >= cell->x0 + half ? 1 : 0) + (y >= cell->y0 + half ? 2 : 0);
}

static void
tree_insert (PvForce *force, guint body, const double *x, const double *y)
{
  GArray *cells = force->cells;
  guint index = 0;

  for (guint depth = 0;; depth++)
    {
      Cell *cell = &g_array_index (cells, Cell, index);

      if (cell->first_child == NONE)
        {
          guint resident = cell->body;

          if (resident == NONE || depth >= MAX_DEPTH)
            {
              force->next_body[body] = resident;
              cell->body = body;
              return;
            }
          /* a leaf holds one body above MAX_DEPTH: move it down a level */
          cell->body = NONE;
          cell_split (cells, index);
          cell = &g_array_index (cells, Cell, index);
          {
            guint child = cell->first_child + cell_quadrant (cell, x[resident], y[resident]);

            g_array_index (cells, Cell, child).body = resident;
            force->next_body[resident] = NONE;
          }
        }
      index = cell->first_child + cell_quadrant (cell, x[body], y[body]);
    }
}

static void
tree_build (PvForce *force, guint n, const double *mass, const double *x, const double *y)
{
  GArray *cells = force->cells;
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

  for (guint i = 0; i < n; i++)
    {
      x0 = MIN (x0, x[i]), x1 = MAX (x1, x[i]);
      y0 = MIN (y0, y[i]), y1 = MAX (y1, y[i]);
    }
  g_array_set_size (cells, 0);
  /* a little wider than the bodies, so that none sits on the far edge */
  cell_add (cells, x0, y0, MAX (MAX (x1 - x0, y1 - y0), 1e-9) * 1.0001);
  for (guint i = 0; i < n; i++)
    tree_insert (force, i, x, y);

  /* children come after their parent: sum from the last cell back */
  for (guint c = cells->len; c-- > 0;)
    {
      Cell *cell = &g_array_index (cells, Cell, c);
      double m = 0, sx = 0, sy = 0;

      if (cell->first_child == NONE)
        for (guint b = cell->body; b != NONE; b = force->next_body[b])
          m += mass[b], sx += mass[b] * x[b], sy += mass[b] * y[b];
      else
        for (guint k = 0; k < 4; k++)
          {
            const Cell *child = &g_array_index (cells, Cell, cell->first_child + k);

            m += child->mass, sx += child->mass * child->cx, sy += child->mass * child->cy;
          }
      cell->mass = m;
      cell->cx = m > 0 ? sx / m : 0;
      cell->cy = m > 0 ? sy / m : 0;
    }
}

/* The push on body i from every other body: m / d along the line between
 * them, summed cell by cell. */
static void
tree_push (const PvForce *force, const double *mass, const double *x, const double *y, guint i,
           double *px, double *py)
{
  const Cell *cells = (const Cell *)force->cells->data;
  guint stack[4 * MAX_DEPTH + 8];
  guint top = 0;
  double fx = 0, fy = 0;

  if (cells[0].mass > 0)
    stack[top++] = 0;
  while (top > 0)
    {
      const Cell *cell = &cells[stack[--top]];
      double dx = x[i] - cell->cx, dy = y[i] - cell->cy;
      double d2 = dx * dx + dy * dy;

      if (cell->first_child == NONE)
        {
          for (guint b = cell->body; b != NONE; b = force->next_body[b])
            {
              if (b == i)
                continue;
              dx = x[i] - x[b], dy = y[i] - y[b];
              d2 = dx * dx + dy * dy;
              if (d2 < MIN_DISTANCE2)
                {
                  /* on the same spot: apart along a direction of their own */
                  double angle = (i * 2.399963 + b * 0.7);

                  dx = cos (angle) * 1e-3, dy = sin (angle) * 1e-3;
                  d2 = MIN_DISTANCE2;
                }
              {
                double push = mass[b] / d2;

                fx += push * dx;
                fy += push * dy;
              }
            }
          continue;
        }
      /* a cell holding i itself is always opened, whatever its size */
      if (cell->side * cell->side < THETA * THETA * d2 &&
          (x[i] < cell->x0 || x[i] >= cell->x0 + cell->side || y[i] < cell->y0 ||
           y[i] >= cell->y0 + cell->side))
        {
          double push = cell->mass / d2;

          fx += push * dx;
          fy += push * dy;
          continue;
        }
      for (guint k = 0; k < 4; k++)
        if (cells[cell->first_child + k].mass > 0)
          stack[top++] = cell->first_child + k;
    }
  *px = fx;
  *py = fy;
}

static double
level_iterate (PvForce *force, const Level *level, const gboolean *pinned, double temperature,
               double *x, double *y)
{
  guint n = level->n_nodes;
  double *dx = force->dx, *dy = force->dy;
  double largest = 0;

  if (n < 2)
    return 0;
  tree_build (force, n, level->mass, x, y);
  {
    const Cell *root = &g_array_index (force->cells, Cell, 0);
    double gravity = GRAVITY / sqrt (root->mass);

    for (guint i = 0; i < n; i++)
      {
        double gx = x[i] - root->cx, gy = y[i] - root->cy;
        double pull = gravity * sqrt (gx * gx + gy * gy);

        tree_push (force, level->mass, x, y, i, &dx[i], &dy[i]);
        dx[i] -= pull * gx;
        dy[i] -= pull * gy;
      }
  }
  for (guint e = 0; e < level->n_edges; e++)
    {
      guint s = level->source[e], t = level->target[e];
      double ex = x[s] - x[t], ey = y[s] - y[t];
      double f = level->pull[e] * sqrt (ex * ex + ey * ey);

      dx[s] -= f * ex / level->mass[s], dy[s] -= f * ey / level->mass[s];
      dx[t] += f * ex / level->mass[t], dy[t] += f * ey / level->mass[t];
    }
  for (guint i = 0; i < n; i++)
    {
      double length = sqrt (dx[i] * dx[i] + dy[i] * dy[i]);

      if (pinned != NULL && pinned[i])
        continue;
      if (length > temperature)
        {
          dx[i] *= temperature / length;
          dy[i] *= temperature / length;
          length = temperature;
        }
      if (!isfinite (length))
        continue;
      x[i] += dx[i];
      y[i] += dy[i];
      largest = MAX (largest, length);
    }
  return largest;
}

double
pv_force_iterate (PvForce *force, const gboolean *pinned, double temperature, double *x, double *y)
{
  g_return_val_if_fail (force != NULL, 0);

  return level_iterate (force, &g_array_index (force->levels, Level, 0), pinned, temperature, x, y);
}

/* Coarsening ----------------------------------------------------------------- */

typedef struct
{
  guint64 key; /* the two ends, the smaller first */
  double pull;
} CoarseEdge;

static int
coarse_edge_compare (const void *a, const void *b)
{
  guint64 x = ((const CoarseEdge *)a)->key, y = ((const CoarseEdge *)b)->key;

  return x < y ? -1 : x > y;
}

/* Matches each node with the unmatched neighbour it pulls hardest per unit
 * of their joint mass (light pairs first keep the coarse nodes even), in
 * a seeded order; returns the coarser level, or FALSE when it would not
 * shrink enough to be worth it. */
static gboolean
level_coarsen (const Level *fine, GRand *rand, Level *coarse, guint **parent_out)
{
  guint n = fine->n_nodes;
  g_autofree guint *degree_start = g_new0 (guint, n + 1);
  g_autofree guint *neighbour = g_new (guint, 2 * (gsize)fine->n_edges + 1);
  g_autofree double *neighbour_pull = g_new (double, 2 * (gsize)fine->n_edges + 1);
  g_autofree guint *fill = g_new0 (guint, n + 1);
  g_autofree guint *order = g_new (guint, n + 1);
  g_autofree CoarseEdge *edges = g_new (CoarseEdge, fine->n_edges + 1);
  guint *parent = g_new (guint, n + 1);
  guint n_coarse = 0, n_edges = 0, lone = NONE;

  for (guint e = 0; e < fine->n_edges; e++)
    degree_start[fine->source[e] + 1]++, degree_start[fine->target[e] + 1]++;
  for (guint i = 0; i < n; i++)
    degree_start[i + 1] += degree_start[i];
  for (guint e = 0; e < fine->n_edges; e++)
    {
      guint s = fine->source[e], t = fine->target[e];
      guint at = degree_start[s] + fill[s]++;

      neighbour[at] = t, neighbour_pull[at] = fine->pull[e];
      at = degree_start[t] + fill[t]++;
      neighbour[at] = s, neighbour_pull[at] = fine->pull[e];
    }

  for (guint i = 0; i < n; i++)
    order[i] = i, parent[i] = NONE;
  for (guint i = n; i > 1; i--)
    {
      guint j = g_rand_int_range (rand, 0, i);
      guint swap = order[i - 1];

      order[i - 1] = order[j], order[j] = swap;
    }
  for (guint k = 0; k < n; k++)
    {
      guint u = order[k], best = NONE;
      double best_score = 0;

      if (parent[u] != NONE)
        continue;
      for (guint at = degree_start[u]; at < degree_start[u + 1]; at++)
        {
          guint v = neighbour[at];
          double score = neighbour_pull[at] / (fine->mass[u] + fine->mass[v]);

          if (v != u && parent[v] == NONE && score > best_score)
            best = v, best_score = score;
        }
      if (best == NONE)
        continue; /* every neighbour taken, or none: below */
      parent[u] = parent[best] = n_coarse++;
    }
  /* A node left over joins the neighbour it pulls hardest (the leaves of
   * a star go with their hub), and nodes with no edge go in pairs: else a
   * graph of stars or of lone nodes would hardly shrink. */
  for (guint k = 0; k < n; k++)
    {
      guint u = order[k], best = NONE;
      double best_pull = 0;

      if (parent[u] != NONE)
        continue;
      for (guint at = degree_start[u]; at < degree_start[u + 1]; at++)
        if (neighbour[at] != u && parent[neighbour[at]] != NONE && neighbour_pull[at] > best_pull)
          best = neighbour[at], best_pull = neighbour_pull[at];
      if (best != NONE)
        parent[u] = parent[best];
      else if (lone != NONE)
        parent[u] = parent[lone], lone = NONE;
      else
        parent[u] = n_coarse++, lone = u;
    }
  if (n_coarse > MIN_SHRINK * n)
    {
      g_free (parent);
      return FALSE;
    }

  coarse->n_nodes = n_coarse;
  coarse->mass = g_new0 (double, n_coarse);
  for (guint i = 0; i < n; i++)
    coarse->mass[parent[i]] += fine->mass[i];
  for (guint e = 0; e < fine->n_edges; e++)
    {
      guint a = parent[fine->source[e]], b = parent[fine->target[e]];

      if (a == b)
        continue;
      edges[n_edges].key = ((guint64)MIN (a, b) << 32) | MAX (a, b);
      edges[n_edges].pull = fine->pull[e];
      n_edges++;
    }
  qsort (edges, n_edges, sizeof (CoarseEdge), coarse_edge_compare);
  coarse->source = g_new (guint, MAX (n_edges, 1));
  coarse->target = g_new (guint, MAX (n_edges, 1));
  coarse->pull = g_new (double, MAX (n_edges, 1));
  coarse->n_edges = 0;
  for (guint e = 0; e < n_edges; e++)
    {
      guint last = coarse->n_edges;

      if (last > 0 && edges[e - 1].key == edges[e].key)
        {
          coarse->pull[last - 1] += edges[e].pull;
          continue;
        }
      coarse->source[last] = (guint)(edges[e].key >> 32);
      coarse->target[last] = (guint)(edges[e].key & G_MAXUINT32);
      coarse->pull[last] = edges[e].pull;
      coarse->n_edges++;
    }
  *parent_out = parent;
  return TRUE;
}

static double
total_mass (const Level *level)
{
  double sum = 0;

  for (guint i = 0; i < level->n_nodes; i++)
    sum += level->mass[i];
  return sum;
}

void
pv_force_unfold (PvForce *force, guint32 seed, const gboolean *pinned, double *x, double *y)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr (GPtrArray) level_pinned = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) level_x = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) level_y = g_ptr_array_new_with_free_func (g_free);
  Level *levels;
  guint n_levels, top;
  double mass, side, temperature;

  g_return_if_fail (force != NULL);

  /* coarsen afresh: the matching follows the seed */
  g_array_set_size (force->levels, 1);
  for (;;)
    {
      Level *fine = &g_array_index (force->levels, Level, force->levels->len - 1);
      Level coarse = { 0 };
      guint *parent = NULL;

      g_clear_pointer (&fine->parent, g_free);
      if (fine->n_nodes <= COARSEST_NODES || !level_coarsen (fine, rand, &coarse, &parent))
        break;
      fine->parent = parent;
      g_array_append_val (force->levels, coarse);
    }
  levels = (Level *)force->levels->data;
  n_levels = force->levels->len;

  /* which coarse nodes hold pinned nodes, and where: their mean */
  for (guint l = 0; l < n_levels; l++)
    {
      guint n = levels[l].n_nodes;
      gboolean *p = g_new0 (gboolean, n + 1);
      double *lx = g_new0 (double, n + 1), *ly = g_new0 (double, n + 1);

      if (l == 0)
        {
          for (guint i = 0; i < n; i++)
            p[i] = pinned != NULL && pinned[i], lx[i] = x[i], ly[i] = y[i];
        }
      else
        {
          const Level *fine = &levels[l - 1];
          const gboolean *fine_pinned = g_ptr_array_index (level_pinned, l - 1);
          const double *fx = g_ptr_array_index (level_x, l - 1);
          const double *fy = g_ptr_array_index (level_y, l - 1);
          g_autofree guint *count = g_new0 (guint, n + 1);

          for (guint i = 0; i < fine->n_nodes; i++)
            if (fine_pinned[i])
              {
                guint c = fine->parent[i];

                p[c] = TRUE, count[c]++, lx[c] += fx[i], ly[c] += fy[i];
              }
          for (guint c = 0; c < n; c++)
            if (count[c] > 0)
              lx[c] /= count[c], ly[c] /= count[c];
        }
      g_ptr_array_add (level_pinned, p);
      g_ptr_array_add (level_x, lx);
      g_ptr_array_add (level_y, ly);
    }

  /* the coarsest graph from random positions in a square of its area */
  top = n_levels - 1;
  mass = total_mass (&levels[top]);
  side = sqrt (MAX (mass, 1));
  {
    const gboolean *p = g_ptr_array_index (level_pinned, top);
    double *lx = g_ptr_array_index (level_x, top), *ly = g_ptr_array_index (level_y, top);

    for (guint i = 0; i < levels[top].n_nodes; i++)
      {
        double rx = g_rand_double_range (rand, -side / 2, side / 2);
        double ry = g_rand_double_range (rand, -side / 2, side / 2);

        if (!p[i])
          lx[i] = rx, ly[i] = ry;
      }
    temperature = side / 5;
    for (guint k = 0; k < COARSEST_ITERATIONS; k++, temperature *= COARSEST_COOLING)
      level_iterate (force, &levels[top], p, temperature, lx, ly);
  }

  /* each finer graph from its parents' positions, spread a little */
  for (guint l = top; l-- > 0;)
    {
      const Level *fine = &levels[l];
      const gboolean *p = g_ptr_array_index (level_pinned, l);
      const double *cx = g_ptr_array_index (level_x, l + 1);
      const double *cy = g_ptr_array_index (level_y, l + 1);
      double *lx = g_ptr_array_index (level_x, l), *ly = g_ptr_array_index (level_y, l);
      const double *parent_mass = levels[l + 1].mass;
      double spacing = 1;

      for (guint i = 0; i < fine->n_nodes; i++)
        {
          guint c = fine->parent[i];
          double angle = g_rand_double_range (rand, 0, 2 * G_PI);
          double radius = 0.3 * sqrt (parent_mass[c]) * g_rand_double (rand);

          if (!p[i])
            lx[i] = cx[c] + radius * cos (angle), ly[i] = cy[c] + radius * sin (angle);
        }
      if (l == 0)
        break; /* the graph itself: its caller iterates it */
      spacing = sqrt (total_mass (fine) / MAX (fine->n_nodes, 1));
      temperature = spacing / 2;
      {
        gboolean fine_enough = 4 * (guint64)fine->n_nodes > levels[0].n_nodes;
        guint iterations = fine_enough ? LEVEL_ITERATIONS / 2 : LEVEL_ITERATIONS;
        double cooling = fine_enough ? LEVEL_COOLING * LEVEL_COOLING : LEVEL_COOLING;

        for (guint k = 0; k < iterations; k++, temperature *= cooling)
          level_iterate (force, fine, p, temperature, lx, ly);
      }
    }

  memcpy (x, g_ptr_array_index (level_x, 0), sizeof (double) * levels[0].n_nodes);
  memcpy (y, g_ptr_array_index (level_y, 0), sizeof (double) * levels[0].n_nodes);
  g_array_set_size (force->levels, 1);
}
