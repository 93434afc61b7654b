/* An ordinary C program for the .NET world's loader and libc personality: the same source,
 * built with the system's gcc, must print the same lines on Linux and as an HRT. */
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static __thread int tls_counter = 41;
static pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static int turn;

static void *worker(void *arg)
{
    long id = (long)arg;
    tls_counter += (int)id;   /* every thread has its own copy */
    for (int i = 0; i < 1000; i++) {
        pthread_mutex_lock(&mutex);
        while (turn % 2 != id) pthread_cond_wait(&cond, &mutex);
        turn++;
        pthread_cond_broadcast(&cond);
        pthread_mutex_unlock(&mutex);
    }
    return (void *)(long)tls_counter;
}

static int compare(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }

int main(int argc, char **argv)
{
    printf("argc %d, argv[1] %s\n", argc, argc > 1 ? argv[1] : "(none)");
    printf("%5d|%-5s|%08.3f|%x|%e|%g|%s\n", 42, "ab", 3.14159, 255, 1e-7, 0.0001234, "done");
    char buffer[64];
    snprintf(buffer, sizeof buffer, "%.10f", 1.0 / 3);
    printf("snprintf %s, strtod %.17g, strtol %ld\n", buffer, strtod("2.5e-3", NULL), strtol("-0x1f", NULL, 16));
    int values[] = { 5, 3, 9, 1, 7 };
    qsort(values, 5, sizeof values[0], compare);
    printf("sorted %d %d %d %d %d\n", values[0], values[1], values[2], values[3], values[4]);
    printf("math %.17g %.17g %.17g\n", sin(1.0), exp(2.5), pow(2.0, 0.5));

    pthread_t threads[2];
    for (long i = 0; i < 2; i++) pthread_create(&threads[i], NULL, worker, (void *)i);
    long result[2];
    for (int i = 0; i < 2; i++) { void *r; pthread_join(threads[i], &r); result[i] = (long)r; }
    printf("threads took %d turns, their TLS %ld %ld, main's TLS %d\n", turn, result[0], result[1], tls_counter);

    char *copy = strdup("heap string");
    copy = realloc(copy, 4096);
    strcat(copy, " grown");
    printf("%s, errno after a bad open: %d\n", copy, (fopen("/no/such/file", "r") == NULL) ? errno : 0);
    free(copy);
    FILE *meminfo = fopen("/proc/meminfo", "r");
    printf("/proc/meminfo opens: %s\n", meminfo ? "yes" : "no");
    if (meminfo) fclose(meminfo);
    fflush(stdout);
    return 7;
}
