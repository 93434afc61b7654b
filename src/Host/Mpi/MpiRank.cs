using Nacre.Host.Infrastructure;
using Nacre.MpiUpcalls;

namespace Nacre.Host.Mpi;

/// <summary>
/// The MPI rank this nacre process is, when mpirun started it (Open MPI's OMPI_COMM_WORLD_RANK and
/// OMPI_COMM_WORLD_SIZE; docs/mpi.md). Rank 0 keeps the terminal; every other rank writes its
/// console and its messages to stderr, each line prefixed with "[rank N] ".
/// </summary>
public sealed record MpiRank(int Rank, int Size)
{
    public const string RankVariable = "OMPI_COMM_WORLD_RANK", SizeVariable = "OMPI_COMM_WORLD_SIZE";

    /// <summary>Null when this process was not started by mpirun.</summary>
    public static MpiRank? FromEnvironment()
    {
        var rank = Environment.GetEnvironmentVariable(RankVariable);
        if (string.IsNullOrEmpty(rank))
            return null;
        var size = Environment.GetEnvironmentVariable(SizeVariable);
        if (!int.TryParse(rank, out var r) || !int.TryParse(size, out var s) || r < 0 || s < 1 || r >= s)
            throw new NacreException($"mpirun set {RankVariable}={rank} and {SizeVariable}={size}, which are not a rank of a world");
        return new MpiRank(r, s);
    }

    public string Prefix => $"[rank {Rank}] ";

    /// <summary>
    /// Thread upcalls when this node has a core for each of its ranks' vCPUs and service threads
    /// (Open MPI's OMPI_COMM_WORLD_LOCAL_SIZE ranks here), else doorbell upcalls: on oversubscribed
    /// cores a polling service thread competes with the vCPUs and calls wait for the scheduler,
    /// while a doorbell costs an exit but no core (docs/mpi.md, "Measured").
    /// </summary>
    public MpiUpcallMode DefaultUpcalls(int cpusPerRank)
    {
        var local = int.TryParse(Environment.GetEnvironmentVariable("OMPI_COMM_WORLD_LOCAL_SIZE"), out var n) && n > 0 ? n : Size;
        return Environment.ProcessorCount >= local * (cpusPerRank + 1) ? MpiUpcallMode.Thread : MpiUpcallMode.Doorbell;
    }

    /// <summary>Rank 0: the terminal itself; others: stderr for everything, prefixed.</summary>
    public Terminal Route(Terminal terminal)
    {
        if (Rank == 0)
            return terminal;
        var prefixed = new PrefixedLineWriter(terminal.Error, Prefix);
        return new Terminal(prefixed, prefixed);
    }
}
