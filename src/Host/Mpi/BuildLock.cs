using Nacre.Host.Infrastructure;

namespace Nacre.Host.Mpi;

/// <summary>
/// A lock file beside a project that the ranks of one node take in turn before building it, so
/// that R ranks started together do not run R builds into the same obj/ at once. The lock is an
/// exclusive open, released when the process closes it or dies.
/// </summary>
public static class BuildLock
{
    public static IDisposable? Take(string target)
    {
        var directory = Directory.Exists(target) ? target : Path.GetDirectoryName(Path.GetFullPath(target));
        if (directory is null || !Directory.Exists(directory) || !(Directory.Exists(target) || target.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)))
            return null; // an image: nothing is built
        var path = Path.Combine(directory, "obj", ".nacre-build.lock");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(100);
            }
            catch (IOException e)
            {
                throw new NacreException($"another rank held {path} for 10 minutes: {e.Message}");
            }
        }
    }
}
