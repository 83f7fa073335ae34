/* fake_nccl.c - a stand-in NCCL for test_tp (a shared module that
 * $SINTER_NCCL names; no GPU): the entry points runtime/collective.c
 * looks up, with a communicator that is the test's FakeNcclComm.
 * ncclAllReduce answers ncclInProgress while polls_left > 0 (a
 * non-blocking communicator still enqueueing), and ncclCommGetAsyncError
 * counts down, reporting ncclInProgress until the last poll, which
 * reports `final`. */
#include <stddef.h>

typedef struct {
    int polls_left;            /* polls that still report in progress, then final */
    int final;                 /* the result once done */
    int calls, polled;         /* counted here */
    size_t count;              /* the last call's count */
} FakeNcclComm;

enum { SUCCESS = 0, IN_PROGRESS = 7 };

#define API __attribute__((visibility("default")))
API int ncclAllReduce(const void *send, void *recv, size_t count, int dtype, int op, void *comm,
                      void *stream);
API int ncclCommGetAsyncError(void *comm, int *state);
API int ncclGetVersion(int *v);
API const char *ncclGetErrorString(int code);

API int ncclAllReduce(const void *send, void *recv, size_t count, int dtype, int op, void *comm,
                      void *stream)
{
    (void)send, (void)recv, (void)stream;
    FakeNcclComm *c = comm;
    c->calls++;
    c->count = count;
    if (dtype != 7 || op != 0) /* ncclFloat32, ncclSum */
        return 4;              /* ncclInvalidArgument */
    return c->polls_left > 0 ? IN_PROGRESS : c->final;
}

API int ncclCommGetAsyncError(void *comm, int *state)
{
    FakeNcclComm *c = comm;
    c->polled++;
    if (c->polls_left > 0)
        c->polls_left--;
    *state = c->polls_left > 0 ? IN_PROGRESS : c->final;
    return SUCCESS;
}

API int ncclGetVersion(int *v)
{
    *v = 22807; /* 2.28.7 */
    return SUCCESS;
}

API const char *ncclGetErrorString(int code)
{
    return code == IN_PROGRESS ? "operation in progress" : "fake error";
}
