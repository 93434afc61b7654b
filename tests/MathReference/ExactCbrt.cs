using System;
using System.Numerics;

/// <summary>
/// Correctly rounded cube roots by exact integer comparison: glibc's cbrt (so .NET's Math.Cbrt
/// on Linux) is up to 2 ulp off, so the table also carries the true rounding for each input.
/// </summary>
static class ExactCbrt
{
    static (BigInteger m, int e) Exact(double d)
    {
        long bits = BitConverter.DoubleToInt64Bits(d);
        int be = (int)((bits >> 52) & 0x7FF);
        long frac = bits & 0xFFFFFFFFFFFFFL;
        return be == 0 ? (frac, -1074) : (frac | (1L << 52), be - 1075);
    }

    /// <summary>Sign of a³ − b for a = am·2^ae, b = bm·2^be.</summary>
    static int CompareCube(BigInteger am, int ae, BigInteger bm, int be)
    {
        BigInteger a3 = am * am * am;
        int e3 = 3 * ae, lo = Math.Min(e3, be);
        return (a3 << (e3 - lo)).CompareTo(bm << (be - lo));
    }

    public static double Cbrt(double x)
    {
        if (x == 0 || !double.IsFinite(x)) return Math.Cbrt(x);
        double ax = Math.Abs(x), y = Math.Cbrt(ax);
        var (xm, xe) = Exact(ax);
        for (int guard = 0; guard < 16; guard++)
        {
            // Midpoints between y and its neighbours, as (2·y ± ulp)/2 exactly.
            var (ym, ye) = Exact(y);
            var (um, ue) = Exact(Math.BitIncrement(y));
            var (dm, de) = Exact(Math.BitDecrement(y));
            int lo = Math.Min(ye, Math.Min(ue, de));
            BigInteger yy = ym << (ye - lo), up = (um << (ue - lo)) + yy, down = (dm << (de - lo)) + yy;
            if (CompareCube(up, lo - 1, xm, xe) < 0) y = Math.BitIncrement(y);
            else if (CompareCube(down, lo - 1, xm, xe) > 0) y = Math.BitDecrement(y);
            else break;
        }
        return x < 0 ? -y : y;
    }
}
