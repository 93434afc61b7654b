// Linux baselines for `nacre bench`: the same operations as the in-kernel benchmarks
// (bench/Kernel/Suite), with pthreads, threads pinned like the kernel's, timed with the same
// rdtsc, printed in the same format (BENCH {json} with the raw samples; docs/benchmarks.md).
// The bench tool compiles it with `gcc -O2 -pthread` at run time.
//
// Usage: baseline [samples=N] [warmup=N] [cpus=N] [only=a,b] [list]
//   CPU "A" is the first CPU this process may run on, "B" the second; cpus=N limits how many of
//   the allowed CPUs the all-CPU benchmarks (broadcast, barrier) use.
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include <x86intrin.h>

#define LINE 64
#define MAX_CPUS 256
#define MAX_CHECKS 8

static int g_samples = 1000, g_warmup = 100, g_cpu_limit = MAX_CPUS;
static int g_cpus[MAX_CPUS], g_ncpus;   // CPUs this process may use, in order
static const char *g_only = "";

static inline int64_t now(void) { return (int64_t)__rdtsc(); }

// ---------------------------------------------------------------- results

struct check { const char *name; int passed, total; };

struct result {
    const char *name;
    int64_t *samples;
    int count, capacity, warmup, seen;
    struct check checks[MAX_CHECKS];
    int nchecks;
};

static struct result *result_new(const char *name) {
    struct result *r = calloc(1, sizeof *r);
    r->name = name;
    r->capacity = g_samples;
    r->warmup = g_warmup;
    r->samples = calloc((size_t)g_samples, sizeof(int64_t));
    return r;
}

static int full(struct result *r) { return r->count == r->capacity; }

// Records a sample, dropped during warm-up; returns 1 if it was kept.
static int add(struct result *r, int64_t v) {
    if (r->seen++ < r->warmup || r->count == r->capacity) return 0;
    r->samples[r->count++] = v;
    return 1;
}

static void expect(struct result *r, const char *name, int passed) {
    int i;
    for (i = 0; i < r->nchecks; i++) if (strcmp(r->checks[i].name, name) == 0) break;
    if (i == r->nchecks) { r->checks[i].name = name; r->nchecks++; }
    r->checks[i].total++;
    if (passed) r->checks[i].passed++;
}

static int g_results, g_failed;

static void report(struct result *r) {
    printf("BENCH {\"name\":\"%s\",\"count\":%d,\"note\":\"\",\"checks\":[", r->name, r->count);
    int ok = 1;
    for (int i = 0; i < r->nchecks; i++) {
        printf("%s{\"name\":\"%s\",\"passed\":%d,\"total\":%d}", i ? "," : "", r->checks[i].name, r->checks[i].passed, r->checks[i].total);
        ok &= r->checks[i].passed == r->checks[i].total;
    }
    printf("],\"samples\":[");
    for (int i = 0; i < r->count; i++) printf("%s%lld", i ? "," : "", (long long)r->samples[i]);
    printf("]}\n");
    fflush(stdout);
    g_results++;
    if (!ok) g_failed++;
    free(r->samples);
    free(r);
}

// ---------------------------------------------------------------- helpers

static void die(const char *what) { fprintf(stderr, "baseline: %s: %s\n", what, strerror(errno)); exit(2); }

static void pin_self(int cpu) {
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    if (pthread_setaffinity_np(pthread_self(), sizeof set, &set) != 0) die("pthread_setaffinity_np");
}

static void attr_pinned(pthread_attr_t *attr, int cpu) {
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    pthread_attr_init(attr);
    if (pthread_attr_setaffinity_np(attr, sizeof set, &set) != 0) die("pthread_attr_setaffinity_np");
}

static pthread_t spawn(int cpu, void *(*fn)(void *), void *arg) {
    pthread_attr_t attr;
    pthread_t t;
    attr_pinned(&attr, cpu);
    if (pthread_create(&t, &attr, fn, arg) != 0) die("pthread_create");
    pthread_attr_destroy(&attr);
    return t;
}

static void *lines(size_t bytes) {
    void *p;
    if (posix_memalign(&p, LINE, (bytes + LINE - 1) / LINE * LINE) != 0) die("posix_memalign");
    memset(p, 0, (bytes + LINE - 1) / LINE * LINE);
    return p;
}

static pid_t gettid_(void) { return (pid_t)syscall(SYS_gettid); }

// The scheduler state of one of our threads (/proc/self/task/TID/stat, third field): 'S' = asleep.
static char task_state(pid_t tid) {
    char path[64], buf[512];
    snprintf(path, sizeof path, "/proc/self/task/%d/stat", (int)tid);
    FILE *f = fopen(path, "r");
    if (!f) return '?';
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = 0;
    char *p = strrchr(buf, ')');
    return p && p[1] == ' ' ? p[2] : '?';
}

// Waits until the thread sleeps, then lets its CPU settle into idle for a moment (as the kernel
// benchmark waits until the waiting CPU is idle or halted).
static int wait_asleep(pid_t tid) {
    for (int i = 0; i < 200000; i++) {
        if (task_state(tid) == 'S') {
            int64_t end = now() + 50000;            // ~20 µs at 2.5 GHz
            while (now() < end) {}
            return 1;
        }
        sched_yield();
    }
    return 0;
}

static void spin_until(atomic_int *p, int value) {
    while (atomic_load_explicit(p, memory_order_acquire) != value) {}
}

#define CPU_A (g_cpus[0])
#define CPU_B (g_cpus[1])

// ---------------------------------------------------------------- rdtsc, floor, skew

static void bench_rdtsc(void) {
    struct result *r = result_new("rdtsc");
    while (!full(r)) { int64_t t0 = now(); int64_t t1 = now(); add(r, t1 - t0); }
    report(r);
}

struct pingpong { _Alignas(LINE) atomic_int flag; _Alignas(LINE) int64_t *stamps; int cpu; };

static void *respond(void *arg) {
    struct pingpong *s = arg;
    s->cpu = sched_getcpu();
    for (int k = 0;; k++) {
        int expect = 2 * k + 1, v;
        while ((v = atomic_load_explicit(&s->flag, memory_order_acquire)) != expect && v != -1) {}
        if (v == -1) return NULL;
        if (s->stamps) s->stamps[k] = now();
        atomic_store_explicit(&s->flag, expect + 1, memory_order_release);
    }
}

static void bench_pingpong(int skew) {
    struct result *r = result_new(skew ? "tsc.skew" : "pingpong");
    int total = g_samples + g_warmup;
    struct pingpong *s = lines(sizeof *s);
    int64_t *starts = calloc((size_t)total, 8), *ends = calloc((size_t)total, 8);
    s->stamps = skew ? lines((size_t)total * 8) : NULL;
    pthread_t t = spawn(CPU_B, respond, s);
    for (int k = 0; k < total; k++) {
        int64_t t0 = now();
        atomic_store_explicit(&s->flag, 2 * k + 1, memory_order_release);
        while (atomic_load_explicit(&s->flag, memory_order_acquire) != 2 * k + 2) {}
        int64_t t1 = now();
        starts[k] = t0; ends[k] = t1;
    }
    atomic_store(&s->flag, -1);
    pthread_join(t, NULL);
    for (int k = 0; k < total; k++) {
        if (skew) {
            int64_t there = s->stamps[k];
            // No check on where the stamp falls: that is the platform's clock agreement,
            // which this row exists to report (see docs/benchmarks.md), not a fault.
            add(r, (there - starts[k]) - (ends[k] - there));
        } else if (add(r, ends[k] - starts[k])) {
            expect(r, "responder ran on CPU B", s->cpu == CPU_B);
        }
    }
    free(starts); free(ends);
    report(r);
}

// ---------------------------------------------------------------- threads

struct slot { _Alignas(LINE) int64_t stop; int cpu; atomic_int done; };

static void *stamp(void *arg) {
    int64_t t = now();
    struct slot *s = arg;
    s->stop = t;
    s->cpu = sched_getcpu();
    atomic_store_explicit(&s->done, 1, memory_order_release);
    return NULL;
}

// launch: stamp, pthread_create pinned to CPU B; the thread stamps first thing. Joined untimed.
static void bench_launch(void) {
    struct result *r = result_new("launch");
    struct slot *s = lines(sizeof *s);
    while (!full(r)) {
        atomic_store(&s->done, 0);
        pthread_attr_t attr;
        attr_pinned(&attr, CPU_B);
        pthread_t t;
        int64_t t0 = now();
        if (pthread_create(&t, &attr, stamp, s) != 0) die("pthread_create");
        spin_until(&s->done, 1);
        pthread_join(t, NULL);
        pthread_attr_destroy(&attr);
        if (!add(r, s->stop - t0)) continue;
        expect(r, "stop stamp taken on the target CPU", s->cpu == CPU_B);
        expect(r, "stop after start", s->stop > t0);
    }
    report(r);
}

// createjoin: stamp, pthread_create pinned to this CPU, pthread_join, stamp.
static void bench_createjoin(void) {
    struct result *r = result_new("createjoin");
    struct slot *s = lines(sizeof *s);
    pthread_attr_t attr;
    attr_pinned(&attr, CPU_A);
    while (!full(r)) {
        atomic_store(&s->done, 0);
        pthread_t t;
        int64_t t0 = now();
        if (pthread_create(&t, &attr, stamp, s) != 0) die("pthread_create");
        pthread_join(t, NULL);
        int64_t t1 = now();
        if (!add(r, t1 - t0)) continue;
        expect(r, "the thread ran, on the creating CPU", atomic_load(&s->done) == 1 && s->cpu == CPU_A);
        expect(r, "the thread ran inside the interval", s->stop > t0 && s->stop < t1);
    }
    pthread_attr_destroy(&attr);
    report(r);
}

struct yield_state { int64_t last; pthread_t last_by; int kept, total, wrong; int64_t *samples; pthread_barrier_t start; };

static void *yield_loop(void *arg) {
    struct yield_state *s = arg;
    pthread_t me = pthread_self();
    pthread_barrier_wait(&s->start);
    for (;;) {
        int64_t t = now();
        if (s->last != 0 && !pthread_equal(s->last_by, me)) {
            if (s->kept >= s->total) return NULL;
            if (sched_getcpu() != CPU_A) s->wrong++;
            s->samples[s->kept++] = t - s->last;
        }
        if (s->kept >= s->total) return NULL;
        s->last_by = me;
        s->last = now();
        sched_yield();
    }
}

// yield: two threads pinned to one CPU, sched_yield ping-pong; sample = one switch.
static void bench_yield(void) {
    struct result *r = result_new("yield");
    struct yield_state *s = lines(sizeof *s);
    s->total = g_samples + g_warmup;
    s->samples = calloc((size_t)s->total, 8);
    pthread_barrier_init(&s->start, NULL, 2);
    pthread_t a = spawn(CPU_A, yield_loop, s), b = spawn(CPU_A, yield_loop, s);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    for (int i = 0; i < s->kept; i++)
        if (add(r, s->samples[i])) expect(r, "every sample is a switch between the two threads on one CPU", s->wrong == 0);
    if (r->count < r->capacity) expect(r, "enough switches", 0);
    free(s->samples);
    report(r);
}

// ---------------------------------------------------------------- condvar, broadcast, barrier

struct waiter { _Alignas(LINE) int64_t stop; int stop_cpu; atomic_int done; int cpu; pid_t tid; atomic_int started; pthread_t thread; };

struct cv_state { pthread_mutex_t lock; pthread_cond_t cv; int round, quit; struct waiter *waiters; };
struct waiter_arg { struct cv_state *s; struct waiter *me; };

static void *cv_wait(void *arg) {
    struct cv_state *s = ((struct waiter_arg *)arg)->s;
    struct waiter *me = ((struct waiter_arg *)arg)->me;
    me->tid = gettid_();
    atomic_store(&me->started, 1);
    pthread_mutex_lock(&s->lock);
    int seen = 0;
    for (;;) {
        while (__atomic_load_n(&s->round, __ATOMIC_ACQUIRE) == seen) pthread_cond_wait(&s->cv, &s->lock);
        int64_t t = now();
        me->stop = t;
        me->stop_cpu = sched_getcpu();
        seen = s->round;
        atomic_store_explicit(&me->done, seen, memory_order_release);
        if (s->quit) break;
    }
    pthread_mutex_unlock(&s->lock);
    return NULL;
}

// condvar / broadcast: waiters pinned to the other CPUs block in pthread_cond_wait; CPU A
// advances the predicate under the mutex, unlocks, stamps, signals (or broadcasts). Sample = the
// (last) waiter's stamp after pthread_cond_wait returned − the stamp before the signal.
static void bench_condvar(int broadcast) {
    struct result *r = result_new(broadcast ? "broadcast" : "condvar");
    int n = broadcast ? (g_ncpus < g_cpu_limit ? g_ncpus : g_cpu_limit) - 1 : 1;
    struct cv_state *s = lines(sizeof *s);
    pthread_mutex_init(&s->lock, NULL);
    pthread_cond_init(&s->cv, NULL);
    s->waiters = lines((size_t)n * sizeof(struct waiter));
    struct waiter_arg *args = calloc((size_t)n, sizeof *args);
    for (int i = 0; i < n; i++) {
        struct waiter *w = &s->waiters[i];
        w->cpu = g_cpus[i + 1];
        args[i].s = s; args[i].me = w;
        w->thread = spawn(w->cpu, cv_wait, &args[i]);
        spin_until(&w->started, 1);
    }
    for (int round = 1; !full(r); round++) {
        int asleep = 1;
        for (int i = 0; i < n; i++) asleep &= wait_asleep(s->waiters[i].tid);
        pthread_mutex_lock(&s->lock);
        __atomic_store_n(&s->round, round, __ATOMIC_RELEASE);
        pthread_mutex_unlock(&s->lock);
        int64_t t0 = now();
        if (broadcast) pthread_cond_broadcast(&s->cv); else pthread_cond_signal(&s->cv);
        int64_t last = INT64_MIN;
        int on_cpus = 1;
        for (int i = 0; i < n; i++) {
            struct waiter *w = &s->waiters[i];
            spin_until(&w->done, round);
            if (w->stop > last) last = w->stop;
            on_cpus &= w->stop_cpu == w->cpu;
        }
        if (!add(r, last - t0)) continue;
        expect(r, "wake stamp taken on the woken CPU", on_cpus);
        expect(r, "waiters were asleep when signalled", asleep);
    }
    pthread_mutex_lock(&s->lock);
    s->quit = 1;
    __atomic_store_n(&s->round, s->round + 1, __ATOMIC_RELEASE);
    pthread_mutex_unlock(&s->lock);
    pthread_cond_broadcast(&s->cv);
    for (int i = 0; i < n; i++) pthread_join(s->waiters[i].thread, NULL);
    free(args);
    report(r);
}

// A sense-reversing spin barrier (the kernel's CoreBarrier).
struct spin_barrier { _Alignas(LINE) atomic_int remaining; _Alignas(LINE) atomic_int sense; int parties; };

static void spin_arrive(struct spin_barrier *b) {
    int sense = atomic_load(&b->sense);
    if (atomic_fetch_sub(&b->remaining, 1) == 1) {
        atomic_store(&b->remaining, b->parties);
        atomic_store(&b->sense, sense ^ 1);
    } else {
        while (atomic_load_explicit(&b->sense, memory_order_acquire) == sense) {}
    }
}

struct barrier_state { pthread_barrier_t barrier; struct spin_barrier spin; int rounds, spinning; };

static void *barrier_loop(void *arg) {
    struct barrier_state *s = arg;
    for (int k = 0; k < s->rounds; k++) {
        if (s->spinning) spin_arrive(&s->spin); else pthread_barrier_wait(&s->barrier);
    }
    return NULL;
}

// barrier (pthread_barrier_wait) / spinbarrier: one thread per CPU, back-to-back rounds; sample =
// time between CPU A's consecutive departures.
static void bench_barrier(int spinning) {
    struct result *r = result_new(spinning ? "spinbarrier" : "barrier");
    int n = g_ncpus < g_cpu_limit ? g_ncpus : g_cpu_limit;
    struct barrier_state *s = lines(sizeof *s);
    pthread_barrier_init(&s->barrier, NULL, (unsigned)n);
    s->spin.parties = n;
    atomic_store(&s->spin.remaining, n);
    s->rounds = g_samples + g_warmup + 1;
    s->spinning = spinning;
    pthread_t *threads = calloc((size_t)n, sizeof *threads);
    for (int i = 1; i < n; i++) threads[i] = spawn(g_cpus[i], barrier_loop, s);
    int64_t previous = 0;
    for (int k = 0; k < s->rounds; k++) {
        if (spinning) spin_arrive(&s->spin); else pthread_barrier_wait(&s->barrier);
        int64_t t = now();
        if (k > 0 && add(r, t - previous)) expect(r, "one participant per CPU", n >= 2);
        previous = t;
    }
    for (int i = 1; i < n; i++) pthread_join(threads[i], NULL);
    free(threads);
    report(r);
}

// ---------------------------------------------------------------- timers, memory

static int64_t g_tsc_hz;

// nanosleep.<D>: stamp, clock_nanosleep(D), stamp; sample = elapsed − D in cycles.
static void bench_nanosleep(long ns, const char *name) {
    struct result *r = result_new(name);
    int64_t delay = (int64_t)((double)ns * (double)g_tsc_hz / 1e9);
    struct timespec d = { 0, ns };
    while (!full(r)) {
        int64_t t0 = now();
        clock_nanosleep(CLOCK_MONOTONIC, 0, &d, NULL);
        int64_t t1 = now();
        if (add(r, t1 - t0 - delay)) expect(r, "woke no earlier than asked", t1 - t0 >= delay - delay / 100);
    }
    report(r);
}

#define BATCH 64

// malloc/free of 64 bytes, or mmap/munmap of one populated page: each call timed on its own.
static void bench_alloc(int pages) {
    struct result *a = result_new(pages ? "mmap" : "malloc"), *f = result_new(pages ? "munmap" : "free");
    void *blocks[BATCH];
    while (!full(a) || !full(f)) {
        for (int i = 0; i < BATCH; i++) {
            int64_t t0 = now();
            void *p = pages ? mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0) : malloc(64);
            int64_t t1 = now();
            if (pages && p == MAP_FAILED) p = NULL;
            blocks[i] = p;
            if (add(a, t1 - t0)) expect(a, "allocation succeeded", p != NULL);
        }
        for (int i = 0; i < BATCH; i++) {
            void *p = blocks[i];
            int64_t t0 = now();
            if (pages) munmap(p, 4096); else free(p);
            int64_t t1 = now();
            if (add(f, t1 - t0)) expect(f, "freed a block it allocated", p != NULL);
        }
    }
    report(a);
    report(f);
}

// ---------------------------------------------------------------- main

static int64_t calibrate(void) {
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    int64_t t0 = now();
    do clock_gettime(CLOCK_MONOTONIC, &b); while ((b.tv_sec - a.tv_sec) * 1000000000L + (b.tv_nsec - a.tv_nsec) < 50000000L);
    int64_t t1 = now();
    double ns = (double)((b.tv_sec - a.tv_sec) * 1000000000L + (b.tv_nsec - a.tv_nsec));
    return (int64_t)((double)(t1 - t0) * 1e9 / ns);
}

static int selected(const char *name) {
    if (!*g_only) return 1;
    const char *p = g_only;
    while (*p) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        if (len > 0 && strncmp(name, p, len) == 0) return 1;
        if (!comma) break;
        p = comma + 1;
    }
    return 0;
}

struct entry { const char *name; int min_cpus; void (*run)(int); int arg; };

static void run_rdtsc(int x) { (void)x; bench_rdtsc(); }
static void run_pingpong(int skew) { bench_pingpong(skew); }
static void run_launch(int x) { (void)x; bench_launch(); }
static void run_createjoin(int x) { (void)x; bench_createjoin(); }
static void run_yield(int x) { (void)x; bench_yield(); }
static void run_condvar(int b) { bench_condvar(b); }
static void run_barrier(int s) { bench_barrier(s); }
static void run_nanosleep10(int x) { (void)x; bench_nanosleep(10000, "nanosleep.10us"); }
static void run_nanosleep100(int x) { (void)x; bench_nanosleep(100000, "nanosleep.100us"); }
static void run_alloc(int pages) { bench_alloc(pages); }

static const struct entry g_entries[] = {
    { "rdtsc", 1, run_rdtsc, 0 },
    { "pingpong", 2, run_pingpong, 0 },
    { "tsc.skew", 2, run_pingpong, 1 },
    { "launch", 2, run_launch, 0 },
    { "createjoin", 1, run_createjoin, 0 },
    { "yield", 1, run_yield, 0 },
    { "condvar", 2, run_condvar, 0 },
    { "broadcast", 2, run_condvar, 1 },
    { "barrier", 2, run_barrier, 0 },
    { "spinbarrier", 2, run_barrier, 1 },
    { "nanosleep.10us", 1, run_nanosleep10, 0 },
    { "nanosleep.100us", 1, run_nanosleep100, 0 },
    { "malloc", 1, run_alloc, 0 },          // also prints "free"
    { "mmap", 1, run_alloc, 1 },            // also prints "munmap"
};

int main(int argc, char **argv) {
    int list = 0;
    for (int i = 1; i < argc; i++) {
        if (strncmp(argv[i], "samples=", 8) == 0) g_samples = atoi(argv[i] + 8);
        else if (strncmp(argv[i], "warmup=", 7) == 0) g_warmup = atoi(argv[i] + 7);
        else if (strncmp(argv[i], "cpus=", 5) == 0) g_cpu_limit = atoi(argv[i] + 5);
        else if (strncmp(argv[i], "only=", 5) == 0) g_only = argv[i] + 5;
        else if (strcmp(argv[i], "list") == 0) list = 1;
        else { fprintf(stderr, "baseline: unknown argument %s\n", argv[i]); return 2; }
    }
    if (g_samples < 1) g_samples = 1;
    if (g_warmup < 0) g_warmup = 0;
    if (g_cpu_limit < 1) g_cpu_limit = 1;
    size_t n = sizeof g_entries / sizeof g_entries[0];
    if (list) { for (size_t i = 0; i < n; i++) puts(g_entries[i].name); return 0; }

    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) != 0) die("sched_getaffinity");
    for (int c = 0; c < CPU_SETSIZE && g_ncpus < MAX_CPUS; c++) if (CPU_ISSET(c, &set)) g_cpus[g_ncpus++] = c;
    int usable = g_ncpus < g_cpu_limit ? g_ncpus : g_cpu_limit;
    pin_self(CPU_A);
    g_tsc_hz = calibrate();

    printf("BENCH-INFO {\"mode\":\"linux\",\"cpus\":%d,\"tsc_hz\":%lld,\"tsc_source\":\"clock_gettime\",\"samples\":%d,\"warmup\":%d,\"only\":\"%s\"}\n",
           usable, (long long)g_tsc_hz, g_samples, g_warmup, g_only);
    for (size_t i = 0; i < n; i++) {
        const struct entry *e = &g_entries[i];
        if (!selected(e->name)) continue;
        if (usable < e->min_cpus) { printf("BENCH-SKIP {\"name\":\"%s\",\"reason\":\"needs %d CPUs\"}\n", e->name, e->min_cpus); continue; }
        e->run(e->arg);
    }
    printf("BENCH-END {\"results\":%d,\"failed_checks\":%d}\n", g_results, g_failed);
    return g_failed == 0 ? 0 : 1;
}
