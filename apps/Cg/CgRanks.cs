namespace Nacre.Apps
{
    /// <summary>
    /// What CG needs from the other ranks (docs/mpi.md): halo planes and sums. With one rank
    /// nothing is sent, and the results are the single-process bits.
    /// </summary>
    public static unsafe partial class Cg
    {
        private const int TagUp = 11, TagDown = 12;

        /// <summary>
        /// Fills v's halo planes from the neighbouring slabs: this slab's first plane goes to the
        /// rank below (its upper halo), its last to the rank above (its lower halo). Receives are
        /// posted first, so no send waits for a matching receive.
        /// </summary>
        private static void ExchangeHalo(CgProblem* p, double* v)
        {
            if (p->Ranks == 1) return;
            long bytes = (long)p->Plane * 8;
            bool below = p->Rank > 0, above = p->Rank < p->Ranks - 1;
            MpiRequest fromBelow = default, fromAbove = default, toBelow = default, toAbove = default;
            if (below) fromBelow = Mpi.Irecv(v - p->Plane, bytes, p->Rank - 1, TagUp);
            if (above) fromAbove = Mpi.Irecv(v + p->Rows, bytes, p->Rank + 1, TagDown);
            if (below) toBelow = Mpi.Isend(v, bytes, p->Rank - 1, TagDown);
            if (above) toAbove = Mpi.Isend(v + p->Rows - p->Plane, bytes, p->Rank + 1, TagUp);
            if (below) { Mpi.Wait(ref fromBelow, Mpi.DefaultWait); Mpi.Wait(ref toBelow, Mpi.DefaultWait); }
            if (above) { Mpi.Wait(ref fromAbove, Mpi.DefaultWait); Mpi.Wait(ref toAbove, Mpi.DefaultWait); }
        }

        private static double SumOverRanks(CgProblem* p, double value) => OverRanks(p, value, MpiOp.Sum);

        private static double MaxOverRanks(CgProblem* p, double value) => OverRanks(p, value, MpiOp.Max);

        private static double OverRanks(CgProblem* p, double value, MpiOp op)
        {
            if (p->Ranks == 1) return value;
            p->Scratch[0] = value;
            Mpi.Allreduce(p->Scratch, p->Scratch, 1, op);
            return p->Scratch[0];
        }
    }
}
