/* cse.c - common subexpression elimination.
 *
 * Requires: a verified graph.  Keeps: every value and output.  Breaks:
 * nothing; afterwards no two nodes compute the same op with the same
 * attributes on the same operands (inputs are never merged), in either
 * order for a commutative op (ops.h's OPF_COMMUTATIVE: the first one
 * met is kept; a two-NaN add or mul may then return the other NaN's
 * payload).  The lowering
 * emits duplicate views and constants freely; this is where they meet. */
#include <string.h>

#include "passes.h"

static bool same_attrs(const IrNode *a, const IrNode *b)
{
    switch (a->op) {
    /* the same bits: -0.0 == 0.0 as doubles, but x / -0.0 is -inf where
     * x / 0.0 is +inf (a NaN merges only with its own bits) */
    case IR_CONST: return memcmp(&a->a.cnst.f, &b->a.cnst.f, sizeof a->a.cnst.f) == 0 &&
                          a->a.cnst.i == b->a.cnst.i;
    case IR_UNARY: return a->a.unary == b->a.unary;
    case IR_BINARY: return a->a.binary == b->a.binary;
    case IR_CAST: return a->a.cast.saturate == b->a.cast.saturate &&
                         a->a.cast.bitcast == b->a.cast.bitcast;
    case IR_REDUCE: return a->a.reduce.kind == b->a.reduce.kind &&
                           a->a.reduce.axes == b->a.reduce.axes &&
                           a->a.reduce.keepdim == b->a.reduce.keepdim;
    case IR_VIEW:
        for (int k = 0; k < a->in[0]->rank; k++)
            if (!ix_equal(a->a.view.src[k], b->a.view.src[k]))
                return false;
        return true;
    case IR_CAT: return a->a.cat.dim == b->a.cat.dim;
    case IR_GATHER: return a->a.gather.dim == b->a.gather.dim;
    default: return true;
    }
}

/* A binary op whose operands may be swapped (ops.h: OPF_COMMUTATIVE). */
static bool commutative(const IrNode *n)
{
    return n->op == IR_BINARY && (ir_binary_info(n->a.binary)->flags & OPF_COMMUTATIVE);
}

static bool same_node(const IrNode *a, const IrNode *b)
{
    if (a->op != b->op || a->dtype != b->dtype || a->rank != b->rank || a->nin != b->nin)
        return false;
    for (int k = 0; k < a->rank; k++)
        if (!dim_eq(a->shape[k], b->shape[k]))
            return false;
    if (!same_attrs(a, b))
        return false;
    if (commutative(a) && a->in[0] == b->in[1] && a->in[1] == b->in[0])
        return true;
    for (int k = 0; k < a->nin; k++)
        if (a->in[k] != b->in[k])
            return false;
    return true;
}

static uint64_t node_hash(const IrNode *n)
{
    uint64_t h = (uint64_t)n->op * 0x9E3779B97F4A7C15ull ^ (uint64_t)n->dtype << 8;
    if (commutative(n)) /* the same for either operand order */
        h = (h ^ ((uint64_t)n->in[0]->id * (uint64_t)n->in[1]->id + (uint64_t)n->in[0]->id +
                  (uint64_t)n->in[1]->id)) * 0x100000001B3ull;
    else
        for (int k = 0; k < n->nin; k++)
            h = (h ^ (uint64_t)n->in[k]->id) * 0x100000001B3ull;
    if (n->op == IR_CONST) { /* the value's bits: NaN and infinities too */
        uint64_t bits;
        memcpy(&bits, &n->a.cnst.f, sizeof bits);
        h ^= (uint64_t)n->a.cnst.i ^ bits;
    }
    if (n->op == IR_UNARY || n->op == IR_BINARY)
        h = (h ^ (uint64_t)(n->op == IR_UNARY ? n->a.unary : n->a.binary)) * 0x100000001B3ull;
    return h;
}

bool pass_cse(IrGraph *g, Diag *d)
{
    (void)d;
    int n = g->nodes.len, cap = 16;
    while (cap < 2 * n)
        cap *= 2;
    IrNode **table = ARENA_ARRAY(g->arena, IrNode *, cap);
    IrNode **map = ARENA_ARRAY(g->arena, IrNode *, n);
    for (int i = 0; i < n; i++) {
        IrNode *node = g->nodes.items[i];
        for (int k = 0; k < node->nin; k++) /* operands come first: already canonical */
            if (map[node->in[k]->id])
                node->in[k] = map[node->in[k]->id];
        if (node->op == IR_INPUT)
            continue;
        uint64_t h = node_hash(node) & (uint64_t)(cap - 1);
        while (table[h] && !same_node(table[h], node))
            h = (h + 1) & (uint64_t)(cap - 1);
        if (table[h])
            map[i] = table[h];
        else
            table[h] = node;
    }
    ir_replace_uses(g, map, n);
    ir_compact(g);
    return true;
}
