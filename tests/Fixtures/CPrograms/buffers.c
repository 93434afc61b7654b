/* Functions that fill a caller's structure write that structure and not one byte more: every
 * call gets a buffer of exactly the structure's size with guard bytes after it. (uname once
 * wrote two bytes past its 390-byte struct utsname; the stack protector of the .NET runtime's
 * SystemNative_GetOSArchitecture caught it, so RuntimeInformation.OSArchitecture aborted.) */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <time.h>

#define GUARD 64
static unsigned char area[1024] __attribute__((aligned(64)));

static void *fresh(void)
{
    memset(area, 0xA5, sizeof area);
    return area;
}

static void check(const char *what, size_t size, int result)
{
    int intact = 1;
    for (size_t i = size; i < size + GUARD; i++)
        if (area[i] != 0xA5) intact = 0;
    printf("%s: %zu bytes, result %d, %s\n", what, size, result, intact ? "nothing written past the end" : "WROTE PAST THE END");
}

int main(void)
{
    check("uname", sizeof(struct utsname), uname(fresh()));
    check("sysinfo", sizeof(struct sysinfo), sysinfo(fresh()));
    check("getrusage", sizeof(struct rusage), getrusage(RUSAGE_SELF, fresh()));
    check("getrlimit", sizeof(struct rlimit), getrlimit(RLIMIT_STACK, fresh()));
    check("sigaction (old)", sizeof(struct sigaction), sigaction(SIGUSR1, NULL, fresh()));
    check("sigaltstack (old)", sizeof(stack_t), sigaltstack(NULL, fresh()));
    check("clock_gettime", sizeof(struct timespec), clock_gettime(CLOCK_MONOTONIC, fresh()));
    check("fstat", sizeof(struct stat), fstat(1, fresh()));
    struct utsname name;
    uname(&name);
    printf("uname fields are terminated: %d\n", memchr(name.sysname, 0, sizeof name.sysname) && memchr(name.machine, 0, sizeof name.machine) ? 1 : 0);
    return 0;
}
