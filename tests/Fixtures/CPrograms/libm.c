/* libm as the program sees it: many arguments per function (a fixed pseudo-random sequence over
 * wide ranges, plus edge cases), the result bits folded into one hash per function. Linux and
 * the HRT load the same libm.so.6, so the hashes must be equal bit for bit — whichever code
 * path (SSE2, FMA, AVX2) each machine's CPU features select. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint64_t state = 0x9E3779B97F4A7C15ull;
static double next(double lo, double hi)
{
    state ^= state << 13; state ^= state >> 7; state ^= state << 17;
    return lo + (hi - lo) * (double)(state >> 11) / 9007199254740992.0;
}

static uint64_t fold(uint64_t h, double v)
{
    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    return (h ^ bits) * 0x100000001B3ull;
}

#define ONE(name, expr, lo, hi) do { \
    uint64_t h = 0xCBF29CE484222325ull; \
    for (int i = 0; i < 20000; i++) { double x = next(lo, hi); (void)x; h = fold(h, expr); } \
    static const double edges[] = { 0.0, -0.0, 1.0, -1.0, 0.5, 1e-310, 1e300, INFINITY, -INFINITY, NAN }; \
    for (unsigned i = 0; i < sizeof edges / sizeof edges[0]; i++) { double x = edges[i]; (void)x; h = fold(h, expr); } \
    printf("%-6s %016llx\n", name, (unsigned long long)h); } while (0)

int main(void)
{
    ONE("sin", sin(x), -1e6, 1e6);
    ONE("cos", cos(x), -1e6, 1e6);
    ONE("tan", tan(x), -100, 100);
    ONE("exp", exp(x), -700, 700);
    ONE("log", log(x), 1e-300, 1e300);
    ONE("pow", pow(x, next(-5, 5)), 0, 1000);
    ONE("atan2", atan2(x, next(-10, 10)), -10, 10);
    ONE("cbrt", cbrt(x), -1e10, 1e10);
    ONE("sinh", sinh(x), -20, 20);
    ONE("tanh", tanh(x), -20, 20);
    ONE("asin", asin(x), -1, 1);
    ONE("log10", log10(x), 1e-10, 1e10);
    ONE("log2", log2(x), 1e-10, 1e10);
    ONE("fmod", fmod(x, next(-100, 100)), -1e6, 1e6);
    ONE("expf", (double)expf((float)x), -80, 80);
    ONE("sinf", (double)sinf((float)x), -1000, 1000);
    return 0;
}
