using Nacre.Runtimes.Parallel;

namespace Nacre.Apps
{
    /// <summary>
    /// An HPCG-style problem: the 27-point stencil on an Nx×Ny×Nz grid (26 on the diagonal, -1 to
    /// each neighbour), b = A·1, solved from x = 0 by conjugate gradients preconditioned with one
    /// symmetric Gauss–Seidel sweep. The matrix is stored as HPCG stores it: 27 slots per row.
    /// Every array lives in one arena, so that under the HVM the Linux process can build the
    /// problem and the HRT can solve it in place.
    ///
    /// Across MPI ranks (CgRanks.cs) each rank holds a slab of whole z-planes, Z0..Z0+Planes-1, as
    /// its rows; X, P and Z have one halo plane on each side (below the first row and after the
    /// last), which the neighbouring ranks fill. Columns are relative to the slab's first row, so a
    /// neighbour in the halo is a negative column or one past the rows. One rank is the whole grid.
    /// </summary>
    public unsafe struct CgProblem
    {
        public const int Slots = 27;
        public const int Colors = 8;

        public int Nx, Ny, Nz, Rows;
        public int Z0, Planes, Plane;   // this rank's slab: first z-plane, planes, rows per plane
        public int Rank, Ranks;
        public double* Scratch;         // MPI's reductions (arena: an HRT's MPI buffers must be there)
        public int MaxIterations;
        public double Tolerance;
        public double* Values;          // Rows × Slots
        public int* Columns;            // Rows × Slots
        public int* Nonzeros;           // per row
        public double* Diagonal;
        public int* ColorStart;         // Colors + 1 offsets into ColorRows
        public int* ColorRows;          // rows grouped by colour, ascending within each
        public double* B, X, R, Z, P, Ap;
        // Results.
        public int Iterations;
        public double InitialResidual, FinalResidual;
        public ulong Cycles;
    }

    public static unsafe partial class Cg
    {
        /// <summary>Bytes of arena a problem (or one rank's slab of planes z-planes) needs.</summary>
        public static long ArenaBytes(int nx, int ny, int planes)
        {
            long rows = (long)nx * ny * planes, halos = 6 * 2L * nx * ny * 8;
            return 4096 + rows * (CgProblem.Slots * 12 + 4 + 8 + 4 + 6 * 8) + halos + 64 * 18;
        }

        /// <summary>The z-planes rank of ranks holds: [first, first + count).</summary>
        public static void Slab(int nz, int rank, int ranks, out int first, out int count)
        {
            first = (int)((long)nz * rank / ranks);
            count = (int)((long)nz * (rank + 1) / ranks) - first;
        }

        public static CgProblem* Create(ref Arena arena, int nx, int ny, int nz, int rank = 0, int ranks = 1)
        {
            CgProblem* p = arena.Allocate<CgProblem>(1);
            p->Nx = nx; p->Ny = ny; p->Nz = nz;
            p->Rank = rank; p->Ranks = ranks;
            Slab(nz, rank, ranks, out p->Z0, out p->Planes);
            p->Plane = nx * ny;
            int rows = p->Plane * p->Planes;
            p->Rows = rows;
            p->MaxIterations = 500;
            p->Tolerance = 1e-10;
            p->Values = arena.Allocate<double>((long)rows * CgProblem.Slots);
            p->Columns = arena.Allocate<int>((long)rows * CgProblem.Slots);
            p->Nonzeros = arena.Allocate<int>(rows);
            p->Diagonal = arena.Allocate<double>(rows);
            p->ColorStart = arena.Allocate<int>(CgProblem.Colors + 1);
            p->ColorRows = arena.Allocate<int>(rows);
            p->B = Vector(ref arena, p);
            p->X = Vector(ref arena, p);
            p->R = Vector(ref arena, p);
            p->Z = Vector(ref arena, p);
            p->P = Vector(ref arena, p);
            p->Ap = Vector(ref arena, p);
            p->Scratch = arena.Allocate<double>(2);
            var generate = new Generate { P = p };
            Parallel.For(0, p->Planes, ref generate);
            // Colour c = (x&1) + 2(y&1) + 4(z&1) of the global grid: no two rows of a colour are neighbours.
            int next = 0;
            for (int c = 0; c < CgProblem.Colors; c++)
            {
                p->ColorStart[c] = next;
                for (int iz = p->Z0 + ((p->Z0 & 1) == (c >> 2 & 1) ? 0 : 1); iz < p->Z0 + p->Planes; iz += 2)
                    for (int iy = c >> 1 & 1; iy < ny; iy += 2)
                        for (int ix = c & 1; ix < nx; ix += 2)
                            p->ColorRows[next++] = ix + nx * (iy + ny * (iz - p->Z0));
            }
            p->ColorStart[CgProblem.Colors] = next;
            return p;
        }

        /// <summary>A vector of the slab's rows with a halo plane on each side; the pointer is its first row.</summary>
        private static double* Vector(ref Arena arena, CgProblem* p) => arena.Allocate<double>(p->Rows + 2L * p->Plane) + p->Plane;

        private struct Generate : IForBody
        {
            public CgProblem* P;
            public void Run(int lo, int hi)
            {
                CgProblem* p = P;
                int nx = p->Nx, ny = p->Ny, nz = p->Nz, z0 = p->Z0;
                for (int iz = z0 + lo; iz < z0 + hi; iz++)
                    for (int iy = 0; iy < ny; iy++)
                        for (int ix = 0; ix < nx; ix++)
                        {
                            int row = ix + nx * (iy + ny * (iz - z0));
                            int k = 0;
                            double* v = p->Values + (long)row * CgProblem.Slots;
                            int* c = p->Columns + (long)row * CgProblem.Slots;
                            for (int sz = -1; sz <= 1; sz++)
                                for (int sy = -1; sy <= 1; sy++)
                                    for (int sx = -1; sx <= 1; sx++)
                                    {
                                        int x = ix + sx, y = iy + sy, z = iz + sz;
                                        if (x < 0 || x >= nx || y < 0 || y >= ny || z < 0 || z >= nz) continue;
                                        int col = x + nx * (y + ny * (z - z0));
                                        v[k] = col == row ? 26.0 : -1.0;
                                        c[k] = col;
                                        k++;
                                    }
                            p->Nonzeros[row] = k;
                            p->Diagonal[row] = 26.0;
                            p->B[row] = 26.0 - (k - 1);
                            p->X[row] = 0;
                        }
            }
        }

        // y = A·x
        private struct SpMV : IForBody
        {
            public CgProblem* P;
            public double* In, Out;
            public void Run(int lo, int hi)
            {
                double* values = P->Values, x = In;
                int* columns = P->Columns, counts = P->Nonzeros;
                for (int i = lo; i < hi; i++)
                {
                    double* v = values + (long)i * CgProblem.Slots;
                    int* c = columns + (long)i * CgProblem.Slots;
                    double sum = 0;
                    for (int k = 0, n = counts[i]; k < n; k++) sum += v[k] * x[c[k]];
                    Out[i] = sum;
                }
            }
        }

        private struct Dot : IReduceBody<double>
        {
            public double* A, B;
            public double Identity => 0;
            public void Run(int lo, int hi, ref double acc)
            {
                double s = acc;
                for (int i = lo; i < hi; i++) s += A[i] * B[i];
                acc = s;
            }
            public double Combine(double left, double right) => left + right;
        }

        // w = alpha·x + beta·y
        private struct Waxpby : IForBody
        {
            public double Alpha, Beta;
            public double* X, Y, W;
            public void Run(int lo, int hi) { for (int i = lo; i < hi; i++) W[i] = Alpha * X[i] + Beta * Y[i]; }
        }

        // One colour of a Gauss–Seidel sweep: z_i = (r_i - Σ_{j≠i} a_ij z_j) / a_ii for the colour's rows.
        private struct GaussSeidelColor : IForBody
        {
            public CgProblem* P;
            public int* Rows;
            public void Run(int lo, int hi)
            {
                CgProblem* p = P;
                double* z = p->Z, r = p->R;
                for (int k = lo; k < hi; k++)
                {
                    int i = Rows[k];
                    double* v = p->Values + (long)i * CgProblem.Slots;
                    int* c = p->Columns + (long)i * CgProblem.Slots;
                    double diag = p->Diagonal[i];
                    double sum = r[i];
                    for (int j = 0, n = p->Nonzeros[i]; j < n; j++) sum -= v[j] * z[c[j]];
                    sum += z[i] * diag;
                    z[i] = sum / diag;
                }
            }
        }

        /// <summary>a·b over every rank: this slab's deterministic reduction, then summed across ranks.</summary>
        private static double DotOf(CgProblem* p, double* a, double* b)
        {
            var d = new Dot { A = a, B = b };
            return SumOverRanks(p, Parallel.Reduce<Dot, double>(0, p->Rows, ref d));
        }

        private static void Combine(CgProblem* p, double alpha, double* x, double beta, double* y, double* w)
        {
            var body = new Waxpby { Alpha = alpha, X = x, Beta = beta, Y = y, W = w };
            Parallel.For(0, p->Rows, ref body);
        }

        /// <summary>z = M⁻¹·r with M the symmetric Gauss–Seidel operator in colour order (forward 0..7, backward 7..0), z starting at 0.</summary>
        private static void SymGS(CgProblem* p)
        {
            // The halo planes too: every rank's z starts at 0, so they agree until the first exchange.
            var zero = new Waxpby { Alpha = 0, X = p->R - p->Plane, Beta = 0, Y = p->R - p->Plane, W = p->Z - p->Plane };
            Parallel.For(0, p->Rows + 2 * p->Plane, ref zero);
            for (int pass = 0; pass < 2 * CgProblem.Colors; pass++)
            {
                int c = pass < CgProblem.Colors ? pass : 2 * CgProblem.Colors - 1 - pass;
                // A row reads only the planes beside it, of the other z parity: the halo must be
                // fresh when the parity being updated changes (colours 0-3 are even z, 4-7 odd).
                if (pass == CgProblem.Colors / 2 || pass == CgProblem.Colors + CgProblem.Colors / 2) ExchangeHalo(p, p->Z);
                var gs = new GaussSeidelColor { P = p, Rows = p->ColorRows + p->ColorStart[c] };
                Parallel.For(0, p->ColorStart[c + 1] - p->ColorStart[c], ref gs);
            }
        }

        private static void SolveOnWorkers(long problem)
        {
            var p = (CgProblem*)problem;
            int n = p->Rows;
            var spmv = new SpMV { P = p, In = p->X, Out = p->Ap };
            ExchangeHalo(p, p->X);
            Parallel.For(0, n, ref spmv);                        // Ap = A·x
            Combine(p, 1, p->B, -1, p->Ap, p->R);                // r = b - A·x
            double normr0 = System.Math.Sqrt(DotOf(p, p->R, p->R));
            double normr = normr0, rtz = 0;
            int k = 0;
            while (k < p->MaxIterations && normr / normr0 > p->Tolerance)
            {
                k++;
                SymGS(p);                                        // z = M⁻¹ r
                double oldrtz = rtz;
                rtz = DotOf(p, p->R, p->Z);
                if (k == 1) Combine(p, 1, p->Z, 0, p->Z, p->P);  // p = z
                else Combine(p, 1, p->Z, rtz / oldrtz, p->P, p->P);   // p = z + β p
                spmv.In = p->P;
                ExchangeHalo(p, p->P);
                Parallel.For(0, n, ref spmv);                    // Ap = A·p
                double alpha = rtz / DotOf(p, p->P, p->Ap);
                Combine(p, 1, p->X, alpha, p->P, p->X);          // x += α p
                Combine(p, 1, p->R, -alpha, p->Ap, p->R);        // r -= α Ap
                normr = System.Math.Sqrt(DotOf(p, p->R, p->R));
            }
            p->Iterations = k;
            p->InitialResidual = normr0;
            p->FinalResidual = normr;
        }

        /// <summary>Solves the problem on the runtime's workers; the result stays in the problem.</summary>
        public static void Solve(CgProblem* p)
        {
            ulong start = Runtime.Cycles;
            Runtime.Run(&SolveOnWorkers, (long)p);
            p->Cycles = Runtime.Cycles - start;
        }

        /// <summary>max |x_i - 1| (the exact solution is all ones) and Σ x_i, serially on each rank, then over the ranks.</summary>
        public static void Check(CgProblem* p, out double maxError, out double sum)
        {
            maxError = 0;
            sum = 0;
            for (int i = 0; i < p->Rows; i++)
            {
                double e = System.Math.Abs(p->X[i] - 1.0);
                if (e > maxError || double.IsNaN(e)) maxError = e;
                sum += p->X[i];
            }
            sum = SumOverRanks(p, sum);
            maxError = MaxOverRanks(p, maxError);
        }
    }
}
