/* fake_device.h - a device table with no GPU behind it, for running
 * everything sn_launch does except the driver call (rt_launch's seam):
 * tests/test_launch.c and the bundle fuzz target. */
#ifndef SINTER_TEST_FAKE_DEVICE_H
#define SINTER_TEST_FAKE_DEVICE_H

#include "internal.h"

/* What the fake driver saw: launches since fake_reset, the last one's
 * geometry and function. */
typedef struct {
    int launches;
    unsigned grid, block, smem;
    bool pdl;
    const char *kernel;        /* the last launch's function (its name) */
    /* collectives (fake_device_coll): how many, the last one's buffer,
     * count and communicator; trace: 'K' per launch, 'P' per launch with
     * PDL, 'A' per all-reduce, in order (first 63) */
    int colls;
    void *coll_buf, *comm;
    size_t coll_count;
    char trace[64];
} FakeLog;

extern FakeLog fake_log;

const RtDevice *fake_device(void);
/* The same with a fake collective library (RtDevice.coll) that records
 * each all-reduce; fake_coll_fail makes the next one fail. */
const RtDevice *fake_device_coll(void);
extern bool fake_coll_fail;
void fake_reset(void);
/* Load every graph of b on the fake device: SN_OK or the first error. */
sn_status fake_load(sn_bundle *b);

/* Tensors for a graph's signature, symbol i set to symvals[i], dense,
 * data at 256-aligned fake addresses 2^48 bytes apart (so disjoint while
 * each spans less; never dereferenced); rank-0 inputs' scalar 0.5. */
typedef struct {
    sn_tensor in[SNB_MAX_BUFFERS], out[SNB_MAX_BUFFERS];
    int64_t shape[2][SNB_MAX_BUFFERS][SNB_MAX_RANK];
} FakeArgs;

void fake_args(const sn_graph *g, const int64_t *symvals, FakeArgs *a);
/* A fake 256-aligned workspace address past every fake tensor's. */
void *fake_workspace(void);

#endif
