namespace Nacre.Apps
{
    /// <summary>In an HRT the problem lives in the kernel's memory and is solved right here.</summary>
    public static unsafe partial class App
    {
        public static partial Arena CreateArena(long bytes) => Arena.Create(bytes);

        public static partial void Solve<T>(string export, delegate*<T*, void> local, T* problem) where T : unmanaged => local(problem);
    }
}
