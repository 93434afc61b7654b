namespace Nacre.Apps
{
    /// <summary>In an HRT the problem lives in the kernel's memory (the arena across ranks) and is solved right here.</summary>
    public static unsafe partial class App
    {
        /// <summary>Across ranks the problem lives in the arena, where MPI buffers must be (docs/mpi.md).</summary>
        public static partial Arena CreateArena(long bytes) =>
            s_mpi ? Arena.Over(Mpi.Alloc<byte>(bytes), bytes) : Arena.Create(bytes);

        private static partial bool LaunchedByMpirun() => Mpi.IsAvailable;

        public static partial void Solve<T>(string export, delegate*<T*, void> local, T* problem) where T : unmanaged => local(problem);
    }
}
