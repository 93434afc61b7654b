using Nacre.Runtimes.Parallel;

namespace Nacre.Apps
{
    /// <summary>
    /// A problem of NAS EP: 2^M pairs of uniform deviates from NAS's linear congruential generator
    /// (a = 5^13, seed 271828183, 46-bit arithmetic in doubles), turned into Gaussian pairs by the
    /// Marsaglia polar method; the sums of the deviates and the counts per square annulus are the
    /// result. Lives in an arena (Arena): the HVM path hands its address to the HRT.
    /// </summary>
    public unsafe struct EpProblem
    {
        public int M;
        public double Sx, Sy;
        public long Accepted;
        public fixed long Counts[Ep.Annuli];
        public ulong Cycles;
        // Across ranks (EpRanks.cs): this rank, the world, and every block's partial sums (arena).
        public int Rank, Ranks;
        public double* BlockSums;       // 2 per block: Sx, Sy
        public long* BlockCounts;       // Annuli per block
    }

    public static unsafe partial class Ep
    {
        public const int Annuli = 10;
        public const int BatchLog = 16;               // NAS's MK: 2^16 pairs per batch
        private const double A = 1220703125.0;        // 5^13
        private const double Seed = 271828183.0;
        private const double R23 = 1.0 / 8388608.0, T23 = 8388608.0;
        private const double R46 = R23 * R23, T46 = T23 * T23;

        /// <summary>NAS's randlc: x = a·x mod 2^46, returns x / 2^46.</summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public static double Randlc(ref double x, double a)
        {
            double t1 = R23 * a;
            double a1 = (int)t1;
            double a2 = a - T23 * a1;
            t1 = R23 * x;
            double x1 = (int)t1;
            double x2 = x - T23 * x1;
            t1 = a1 * x2 + a2 * x1;
            double t2 = (int)(R23 * t1);
            double z = t1 - T23 * t2;
            double t3 = T23 * z + a2 * x2;
            double t4 = (int)(R46 * t3);
            x = t3 - T46 * t4;
            return R46 * x;
        }

        /// <summary>Bytes of arena a problem needs (with room for every block's partials across ranks).</summary>
        public const long ArenaBytes = 4096 + Parallel.ReductionBlocks * (2 + Annuli) * 8L + 256;

        public static EpProblem* Create(ref Arena arena, int m, int rank = 0, int ranks = 1)
        {
            EpProblem* p = arena.Allocate<EpProblem>(1);
            p->M = m;
            p->Rank = rank;
            p->Ranks = ranks;
            if (ranks > 1)
            {
                p->BlockSums = arena.Allocate<double>(2 * Parallel.ReductionBlocks);
                p->BlockCounts = arena.Allocate<long>(Annuli * Parallel.ReductionBlocks);
            }
            return p;
        }

        private struct Sums
        {
            public double Sx, Sy;
            public fixed long Counts[Annuli];
        }

        private struct Batches : IReduceBody<Sums>
        {
            public double An;       // a^(2^(BatchLog+1)): the multiplier that skips one batch

            public Sums Identity => default;

            public void Run(int lo, int hi, ref Sums acc)
            {
                for (int k = lo; k < hi; k++)
                {
                    // The batch's seed: Seed · An^k, by binary exponentiation (as NAS does).
                    double t1 = Seed, t2 = An;
                    int kk = k;
                    for (int i = 0; i < 100; i++)
                    {
                        int ik = kk / 2;
                        if (2 * ik != kk) Randlc(ref t1, t2);
                        if (ik == 0) break;
                        Randlc(ref t2, t2);
                        kk = ik;
                    }
                    double x = t1;
                    for (int i = 0; i < 1 << BatchLog; i++)
                    {
                        double x1 = 2.0 * Randlc(ref x, A) - 1.0;
                        double x2 = 2.0 * Randlc(ref x, A) - 1.0;
                        double t = x1 * x1 + x2 * x2;
                        if (t > 1.0) continue;
                        double f = System.Math.Sqrt(-2.0 * ExactMath.Log(t) / t);
                        double g1 = x1 * f, g2 = x2 * f;
                        int l = (int)System.Math.Max(System.Math.Abs(g1), System.Math.Abs(g2));
                        acc.Counts[l]++;
                        acc.Sx += g1;
                        acc.Sy += g2;
                    }
                }
            }

            public Sums Combine(Sums left, Sums right)
            {
                left.Sx += right.Sx;
                left.Sy += right.Sy;
                for (int i = 0; i < Annuli; i++) left.Counts[i] += right.Counts[i];
                return left;
            }
        }

        /// <summary>Computes the problem's sums and counts on the runtime's workers (one batch of 2^16 pairs per iteration, dynamic).</summary>
        public static void Solve(EpProblem* p)
        {
            ulong start = Runtime.Cycles;
            double an = A;
            for (int i = 0; i <= BatchLog; i++) Randlc(ref an, an);
            var body = new Batches { An = an };
            int batches = 1 << (p->M - BatchLog);
            Sums s = p->Ranks > 1 ? ReduceAcrossRanks(p, ref body, batches) : Parallel.Reduce<Batches, Sums>(0, batches, ref body, Schedule.Dynamic(1));
            p->Sx = s.Sx;
            p->Sy = s.Sy;
            p->Accepted = 0;
            for (int i = 0; i < Annuli; i++)
            {
                p->Counts[i] = s.Counts[i];
                p->Accepted += s.Counts[i];
            }
            p->Cycles = Runtime.Cycles - start;
        }

        /// <summary>NAS's published sums for classes S, W, A, B (M = 24, 25, 28, 30); false if M has none.</summary>
        public static bool Reference(int m, out double sx, out double sy)
        {
            switch (m)
            {
                case 24: sx = -3.247834652034740e+3; sy = -6.958407078382297e+3; return true;
                case 25: sx = -2.863319731645753e+3; sy = -6.320053679109499e+3; return true;
                case 28: sx = -4.295875165629892e+3; sy = -1.580732573678431e+4; return true;
                case 30: sx = 4.033815542441498e+4; sy = -2.660669192809235e+4; return true;
                default: sx = sy = 0; return false;
            }
        }
    }
}
