/* Imports a function the personality does not provide (an HRT has no network interfaces):
 * loading must fail with a message naming it. */
#include <ifaddrs.h>
#include <stdio.h>
int main(void)
{
    struct ifaddrs *list;
    printf("%d\n", getifaddrs(&list));
    return 0;
}
