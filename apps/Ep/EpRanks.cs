using Nacre.Runtimes.Parallel;

namespace Nacre.Apps
{
    /// <summary>
    /// EP across ranks with the single process's bits. Parallel.Reduce cuts the batches into
    /// blocks that depend only on the range, folds each from the identity and combines them left to
    /// right (docs/runtime.md); here each rank folds its share of those same blocks, an Allreduce
    /// of the per-block partials (every other rank contributes zeros: adding 0 is exact) gives
    /// every rank every block's partial, and the same left-to-right combine ends it.
    /// </summary>
    public static unsafe partial class Ep
    {
        private struct Blocks : IForBody
        {
            public Batches* Body;
            public EpProblem* P;
            public int First, Count;
            public long Batches;

            public void Run(int lo, int hi)
            {
                for (int i = lo; i < hi; i++)
                {
                    int b = First + i;
                    Sums acc = Body->Identity;
                    Body->Run((int)(Batches * b / Count), (int)(Batches * (b + 1) / Count), ref acc);
                    P->BlockSums[2 * b] = acc.Sx;
                    P->BlockSums[2 * b + 1] = acc.Sy;
                    for (int k = 0; k < Annuli; k++) P->BlockCounts[Annuli * b + k] = acc.Counts[k];
                }
            }
        }

        private static Sums ReduceAcrossRanks(EpProblem* p, ref Batches body, int batches)
        {
            int blocks = batches < Parallel.ReductionBlocks ? batches : Parallel.ReductionBlocks;
            for (int i = 0; i < 2 * blocks; i++) p->BlockSums[i] = 0;
            for (int i = 0; i < Annuli * blocks; i++) p->BlockCounts[i] = 0;
            int first = (int)((long)blocks * p->Rank / p->Ranks), end = (int)((long)blocks * (p->Rank + 1) / p->Ranks);
            fixed (Batches* b = &body)
            {
                var mine = new Blocks { Body = b, P = p, First = first, Count = blocks, Batches = batches };
                Parallel.For(0, end - first, ref mine, Schedule.Dynamic(1));
            }
            Mpi.Allreduce(p->BlockSums, p->BlockSums, 2 * blocks, MpiOp.Sum);
            Mpi.Allreduce(p->BlockCounts, p->BlockCounts, Annuli * blocks, MpiOp.Sum);
            Sums total = body.Identity;
            for (int b = 0; b < blocks; b++)
            {
                Sums part = default;
                part.Sx = p->BlockSums[2 * b];
                part.Sy = p->BlockSums[2 * b + 1];
                for (int k = 0; k < Annuli; k++) part.Counts[k] = p->BlockCounts[Annuli * b + k];
                total = body.Combine(total, part);
            }
            return total;
        }
    }
}
