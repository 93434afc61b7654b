using Nacre.Cli.Infrastructure;

namespace Nacre.Cli.Mpi;

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

    /// <summary>Rank 0: the terminal itself; others: stderr for everything, prefixed.</summary>
    public Terminal Route(Terminal terminal)
    {
        if (Rank == 0)
            return terminal;
        var prefixed = new PrefixedLineWriter(terminal.Error, Prefix);
        return new Terminal(prefixed, prefixed);
    }
}
