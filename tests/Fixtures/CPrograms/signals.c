/* Signals as the .NET runtime uses them: a SIGSEGV handler that reads the faulting context and
 * changes it (skips the faulting instruction), and pthread_kill to another thread whose
 * handler sees the sender's pid. The same lines on Linux and as an HRT. */
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <ucontext.h>
#include <unistd.h>

extern char fault_here[], after_fault[];
static volatile int faults, kills, kill_pid_ok, stop;

static void on_segv(int sig, siginfo_t *info, void *context)
{
    ucontext_t *uc = context;
    faults++;
    if (info->si_addr == (void *)16 && uc->uc_mcontext.gregs[REG_RIP] == (long)fault_here)
        uc->uc_mcontext.gregs[REG_RIP] = (long)after_fault;   /* resume after the faulting load */
}

static void on_kill(int sig, siginfo_t *info, void *context)
{
    kills++;
    kill_pid_ok = info->si_pid == getpid();
}

static void *spinner(void *arg)
{
    while (!stop) __asm__ volatile("pause");
    return NULL;
}

int main(void)
{
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_flags = SA_SIGINFO;
    action.sa_sigaction = on_segv;
    sigaction(SIGSEGV, &action, NULL);
    long value = 0;
    __asm__ volatile(
        ".globl fault_here, after_fault\n"
        "fault_here: mov 16, %0\n"
        "after_fault:\n" : "=r"(value));
    printf("faulted %d time(s), resumed after the faulting instruction\n", faults);

    action.sa_sigaction = on_kill;
    sigaction(SIGRTMIN, &action, NULL);
    pthread_t thread;
    pthread_create(&thread, NULL, spinner, NULL);
    for (int i = 0; i < 100; i++) {
        pthread_kill(thread, SIGRTMIN);
        while (kills <= i) usleep(100);
    }
    stop = 1;
    pthread_join(thread, NULL);
    printf("delivered %d signal(s) to a running thread, si_pid was the process: %s\n", kills, kill_pid_ok ? "yes" : "no");
    raise(SIGRTMIN);
    printf("raise delivered at once: %s\n", kills == 101 ? "yes" : "no");
    return 0;
}
