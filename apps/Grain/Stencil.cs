using Nacre.Runtimes.Parallel;

namespace Nacre.Apps
{
    /// <summary>
    /// A bulk-synchronous stencil: Jacobi relaxation of the 5-point Laplacian on a G×G grid with a
    /// fixed hot boundary, one SPMD region in which every worker updates its band of rows and then
    /// waits at the barrier, once per step. Small grids make the work between barriers small: the
    /// grain is G²/workers cell updates per barrier. Each cell's value depends only on the previous
    /// step, so any partition gives the serial run's bits.
    /// </summary>
    public static unsafe class Stencil
    {
        private struct Steps : ISpmdBody
        {
            public double* A, B;
            public int G, Count;

            public void Run(int worker, int workers)
            {
                int rows = G - 2;
                int lo = 1 + (int)((long)rows * worker / workers), hi = 1 + (int)((long)rows * (worker + 1) / workers);
                double* from = A, to = B;
                for (int s = 0; s < Count; s++)
                {
                    Sweep(from, to, G, lo, hi);
                    Parallel.Barrier();
                    double* t = from; from = to; to = t;
                }
            }
        }

        /// <summary>Rows [lo, hi) of to from from: each interior cell the mean of its four neighbours.</summary>
        public static void Sweep(double* from, double* to, int g, int lo, int hi)
        {
            for (int y = lo; y < hi; y++)
            {
                double* up = from + (y - 1) * g, row = from + y * g, down = from + (y + 1) * g, o = to + y * g;
                for (int x = 1; x < g - 1; x++) o[x] = 0.25 * (up[x] + down[x] + row[x - 1] + row[x + 1]);
            }
        }

        /// <summary>Two G×G grids, zero inside, 1 on the top edge (both, so the boundary never changes).</summary>
        public static double* Create(int g)
        {
            var grids = (double*)Runtime.Allocate((nuint)(2L * g * g * sizeof(double)));
            for (int x = 0; x < g; x++) { grids[x] = 1; grids[(long)g * g + x] = 1; }
            return grids;
        }

        /// <summary>steps steps on the workers; returns the cycles spent. The result is in grid steps % 2.</summary>
        public static ulong Solve(double* grids, int g, int steps)
        {
            var body = new Steps { A = grids, B = grids + (long)g * g, G = g, Count = steps };
            ulong start = Runtime.Cycles;
            Parallel.Spmd(ref body);
            return Runtime.Cycles - start;
        }

        public static void SolveSerially(double* grids, int g, int steps)
        {
            double* from = grids, to = grids + (long)g * g;
            for (int s = 0; s < steps; s++)
            {
                Sweep(from, to, g, 1, g - 1);
                double* t = from; from = to; to = t;
            }
        }

        public static double* Result(double* grids, int g, int steps) => grids + (steps % 2) * (long)g * g;
    }
}
