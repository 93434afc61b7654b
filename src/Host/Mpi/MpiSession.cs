using Nacre.Host.Infrastructure;
using Nacre.MpiUpcalls;

namespace Nacre.Host.Mpi;

/// <summary>
/// One rank's MPI life in <c>nacre run</c> (docs/mpi.md): MPI_Init before the HRT boots, the
/// upcall service that runs the HRT's MPI calls, and at the end MPI_Finalize when the HRT
/// exited with 0 — or MPI_Abort otherwise, which makes mpirun end every other rank at once
/// (they may be waiting for a message this one will never send) and exit non-zero.
/// </summary>
public sealed class MpiSession
{
    private readonly Terminal _terminal;

    private MpiSession(MpiRank rank, MpiUpcallService service, Terminal terminal)
    {
        Rank = rank;
        Service = service;
        _terminal = terminal;
    }

    public MpiRank Rank { get; }
    public MpiUpcallService Service { get; }

    public static MpiSession Start(MpiRank rank, MpiUpcallMode mode, Terminal terminal)
    {
        int worldRank, worldSize;
        try
        {
            (worldRank, worldSize) = MpiNative.Initialize();
        }
        catch (Exception e) when (e is InvalidOperationException or MpiException)
        {
            throw new NacreException($"rank {rank.Rank}: MPI could not start: {e.Message}");
        }
        if (worldRank != rank.Rank || worldSize != rank.Size)
            throw new NacreException($"MPI says rank {worldRank} of {worldSize}, but mpirun's environment says {rank.Rank} of {rank.Size}");
        var service = new MpiUpcallService(worldRank, worldSize, mode, line => terminal.Note(line));
        return new MpiSession(rank, service, terminal);
    }

    /// <summary>Ends MPI for this rank: Finalize after success; after a failure, says which rank
    /// failed and why on stderr and aborts the whole run with the rank's code (never returns then).</summary>
    public int Finish(int code, string? failure)
    {
        if (code == 0 && failure is null)
        {
            MpiNative.Finish();
            return 0;
        }
        var why = failure ?? (code == ExitCodes.KernelPanic ? "the kernel panicked" : $"the HRT exited with code {code}");
        _terminal.Note($"rank {Rank.Rank} of {Rank.Size} failed: {why}; aborting every rank");
        _terminal.Out.Flush();
        _terminal.Error.Flush();
        Console.Out.Flush();
        Console.Error.Flush();
        MpiNative.AbortWorld(code == 0 ? ExitCodes.ToolError : code);
        return code;
    }
}
