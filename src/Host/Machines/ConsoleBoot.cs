using Nacre.Host.Building;
using Nacre.Host.Images;
using Nacre.Host.Infrastructure;
using Nacre.Host.Mpi;
using Nacre.MpiUpcalls;

namespace Nacre.Host.Machines;

/// <summary>
/// `nacre run` without the command line: what to boot, booting it with its console on a
/// terminal, and the exit code that follows from how the run ended (<see cref="ExitCodes"/>).
/// </summary>
public static class ConsoleBoot
{
    /// <summary>The kernel command-line word that makes the kernel enter its shell after Main (src/Kernel/Boot/CommandLine.cs).</summary>
    public const string ShellKernelOption = "shell";

    /// <summary>The arena of a rank under mpirun unless --arena says otherwise.</summary>
    public const int DefaultMpiArenaMiB = 64;

    /// <summary>
    /// What to boot, and with which modules: a NativeAOT program (or a project publishing one)
    /// runs on the DotNetHost kernel as its first module; an HRT project is built; anything else
    /// must be a valid image.
    /// </summary>
    public static (string Image, IReadOnlyList<Nacre.Hvm.HrtModule> Modules) ResolveTarget(string target, Terminal terminal, bool underMpirun)
    {
        // Every rank on a node builds the same project: one at a time (the others find it built).
        using var buildLock = underMpirun ? BuildLock.Take(target) : null;
        string? program = DotNetProgram.IsProgram(target) ? target : DotNetProgram.IsProject(target) ? DotNetProgram.Publish(target, terminal) : null;
        if (program is not null)
            return (DotNetProgram.HostImage(terminal), DotNetProgram.Modules(program));
        var image = ProjectBuilder.ImageOf(target, terminal);
        ImageValidator.Validate(image);
        return (image, []);
    }

    /// <summary>
    /// One rank of <c>mpirun -n R nacre run …</c> (docs/mpi.md): MPI starts, the HRT boots with the
    /// upcall service attached, and the end is MPI_Finalize or, if this rank failed in any way,
    /// MPI_Abort, so that no other rank waits for it forever.
    /// </summary>
    public static int BootRank(MpiRank rank, MpiUpcallMode mode, QemuOptions options, Terminal terminal, CancellationToken cancellation)
    {
        if (options.Machine != MachineKind.Hvm)
            throw new NacreException($"rank {rank.Rank}: MPI needs the HVM for now (QEMU has no upcall channel yet): /dev/kvm must be usable, and --qemu, --shell, --gdb and --trace are not available under mpirun");
        if (options.ArenaMiB == 0)
            throw new NacreException("--arena 0: the HRT's MPI buffers live in the arena, so a rank needs one");
        var session = MpiSession.Start(rank, mode, terminal);
        int code;
        string? failure = null;
        try
        {
            code = Boot(options with { Upcalls = session.Service }, terminal, cancellation);
        }
        catch (NacreException e)
        {
            code = ExitCodes.ToolError;
            failure = e.Message;
        }
        return session.Finish(code, failure);
    }

    /// <summary>Boots the image with its console on the terminal; the guest's exit code, or a <see cref="NacreException"/> saying why there is none.</summary>
    public static int Boot(QemuOptions options, Terminal terminal, CancellationToken cancellation)
    {
        terminal.Progress("boot", MachineRunner.Describe(options));
        var run = MachineRunner.Run(options, options.Interactive ? terminal.Write : terminal.WriteLine, cancellation, onQemuStderrLine: line =>
        {
            terminal.Error.WriteLine(line);
            terminal.Error.Flush();
        });
        var after = Seconds.Format(run.Elapsed);

        switch (run.Status.Kind)
        {
            case ExitKind.Exited:
                terminal.Progress("run", $"exited with code {run.Status.Code} after {after}");
                return run.Status.Code;
            case ExitKind.Panicked:
                terminal.Progress("run", $"kernel panic after {after}");
                terminal.Note("kernel panic");
                return ExitCodes.KernelPanic;
            case ExitKind.TimedOut:
                throw new NacreException($"{options.Image} timed out after {Seconds.Format(options.Timeout)}; "
                    + (options.Machine == MachineKind.Hvm ? "the VM was stopped" : "QEMU was killed"));
            case ExitKind.SilentReset when options.Interactive: // a reset reboots here, so QEMU was told to quit
                throw new NacreException("QEMU ended without an exit code from the guest (quit with Ctrl-A x, or the guest powered off)");
            case ExitKind.SilentReset:
                throw new NacreException("the guest reset or shut down without reporting an exit code (a triple fault?)");
            case ExitKind.Faulted:
                throw new NacreException($"the HVM stopped the guest after {after}: {run.Detail}");
            default: // QEMU's own complaint has already been shown on stderr, as it came
                throw new NacreException($"QEMU failed (exit status {run.QemuExitCode})");
        }
    }
}
