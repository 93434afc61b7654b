/* A program that dereferences a bad pointer with no handler installed: Linux kills it with
 * SIGSEGV; the HRT reports the signal and where, and exits with a failure code. */
#include <stdio.h>
int main(void)
{
    printf("about to crash\n");
    fflush(stdout);
    *(volatile int *)8 = 1;
    return 0;
}
