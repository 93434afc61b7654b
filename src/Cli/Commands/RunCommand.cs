using System.CommandLine;
using System.CommandLine.Parsing;
using Nacre.Host.Building;
using Nacre.Host.Machines;
using Nacre.Host.Infrastructure;
using Nacre.Host.Mpi;
using Nacre.Host.Tracing;
using Nacre.MpiUpcalls;

namespace Nacre.Cli.Commands;

/// <summary>
/// <c>nacre run</c>: builds (for a project), validates and boots an image, streams its console
/// to stdout and exits with the guest's own exit code; see <see cref="ExitCodes"/>.
/// </summary>
public static class RunCommand
{
    public const string Description = """
        Boot an HRT and stream its console to stdout: in the HVM (Nacre's VMM over /dev/kvm,
        native speed) when /dev/kvm is usable, else under QEMU. --qemu or --hvm choose.

        Exit codes:
          0..126  the HRT's own exit code (the value Main returned)
          125     an error of nacre (bad arguments, missing project or image, invalid image,
                  build failure, timeout), QEMU failed to run the image, or the HVM stopped
                  a guest that faulted (triple fault, emulation failure)
          127     the kernel panicked
        """;

    public static Command Create(Terminal terminal, CancellationToken cancellation)
    {
        var target = new Argument<string>("project-dir|image|program")
        {
            Description = "an HRT project directory (built first), a kernel image, or a NativeAOT program or project (published first) to run on the Aerokernel's .NET world",
        };
        var kernelArguments = new Argument<string[]>("args") { Description = "kernel command line, after --", Arity = ArgumentArity.ZeroOrMore };
        var cpus = CommonOptions.Cpus();
        var memory = CommonOptions.Memory();
        var timeout = CommonOptions.Timeout("the run");
        var qemuArguments = new Option<string[]>("--qemu-arg")
        {
            Description = "extra QEMU argument, passed through (repeatable)",
            HelpName = "arg",
            AllowMultipleArgumentsPerToken = false,
        };
        var shell = new Option<bool>("--shell")
        {
            Description = "enter the kernel's shell when Main returns (kernel option 'shell'), with the serial console on this terminal (stdin)",
        };

        var trace = new Option<string>("--trace")
        {
            Description = "record a trace of the run (kernel option 'trace') and write it as Chrome trace-event JSON to FILE (Perfetto, chrome://tracing); QEMU only for now",
            HelpName = "FILE",
        };
        var gdb = new Option<int?>("--gdb")
        {
            Description = "start under QEMU's gdbstub on 127.0.0.1:PORT, stopped before the first instruction, and wait for `target remote :PORT` (docs/debugging.md); QEMU only for now",
            HelpName = "PORT",
        };
        var useQemu = new Option<bool>("--qemu") { Description = "boot under QEMU even where the HVM could run the image" };
        var useHvm = new Option<bool>("--hvm") { Description = "boot in the HVM; fail if /dev/kvm is not usable" };
        var privilege = CommonOptions.Privilege();
        var arena = new Option<int>("--arena")
        {
            Description = "HVM: MiB of arena shared with this process (a multiple of 2); under mpirun the MPI buffers live there (default 64 then, else 0)",
            HelpName = "MiB",
        };
        var upcalls = new Option<MpiUpcallMode?>("--mpi-upcalls")
        {
            Description = "under mpirun: how the HRT's MPI calls reach this process: thread (a service thread polls the upcall page) or doorbell (each call is an MMIO exit); default: thread if this node has a core for every vCPU and service thread of its ranks, else doorbell",
            HelpName = "thread|doorbell",
        };

        var command = new Command("run", Description) { target, kernelArguments, cpus, memory, timeout, qemuArguments, shell, trace, gdb, useQemu, useHvm, privilege, arena, upcalls };
        command.SetAction(parse =>
        {
            var rank = MpiRank.FromEnvironment();
            var output = rank?.Route(terminal) ?? terminal;
            // Argument mistakes are reported before a possibly long build.
            var arguments = KernelArguments(parse, parse.GetValue(kernelArguments) ?? []);
            var traceOutput = parse.GetValue(trace);
            var gdbPort = parse.GetValue(gdb);
            if (gdbPort is < 1 or > 65535)
                throw new NacreException($"--gdb: port {gdbPort} is not in 1..65535");
            var interactive = parse.GetValue(shell);
            if (interactive)
                arguments = [ConsoleBoot.ShellKernelOption, .. arguments];
            var (image, modules) = ConsoleBoot.ResolveTarget(parse.GetValue(target)!, output, rank is not null);
            var memoryMiB = parse.GetResult(memory) is { Implicit: false } || modules.Count == 0 ? parse.GetValue(memory) : DotNetProgram.DefaultMemoryMiB;
            var options = new QemuOptions(image)
            {
                Cpus = parse.GetValue(cpus),
                MemoryMiB = memoryMiB,
                Modules = modules,
                Timeout = TimeSpan.FromSeconds(parse.GetValue(timeout)),
                KernelArguments = arguments,
                ExtraQemuArguments = parse.GetValue(qemuArguments) ?? [],
                Interactive = interactive,
                Privilege = parse.GetValue(privilege),
                GdbPort = gdbPort,
            };
            options = options with { Machine = MachineChoice.Choose(options, parse.GetValue(useQemu), parse.GetValue(useHvm), traced: traceOutput is not null) };
            if (traceOutput is not null)
                options = TraceCapture.Prepare(options, traceOutput);
            if (gdbPort is { } port)
                output.Progress("gdb", $"QEMU waits for a debugger: gdb -ex 'target remote :{port}' {options.Image}");
            var arenaMiB = parse.GetResult(arena) is { Implicit: false } ? parse.GetValue(arena) : rank is null ? 0 : ConsoleBoot.DefaultMpiArenaMiB;
            if (arenaMiB < 0 || arenaMiB % 2 != 0 || arenaMiB > 7 * 1024)
                throw new NacreException($"--arena must be an even number of MiB between 0 and 7168, got {arenaMiB}");
            options = options with { ArenaMiB = arenaMiB };
            if (rank is not null)
                return ConsoleBoot.BootRank(rank, parse.GetValue(upcalls) ?? rank.DefaultUpcalls(options.Cpus), options, output, cancellation);
            int code = ConsoleBoot.Boot(options, output, cancellation);
            if (traceOutput is not null && code == ExitCodes.KernelPanic && !TraceCapture.Dumped(options))
                output.Note($"no trace written to {traceOutput}: the kernel panicked before its trace could be dumped");
            else if (traceOutput is not null)
                output.Progress("trace", TraceCapture.Finish(options, traceOutput) + (code == ExitCodes.KernelPanic ? " (up to the panic)" : ""));
            return code;
        });
        return command;
    }

    /// <summary>
    /// Kernel arguments must follow <c>--</c>: otherwise a mistyped option (<c>--cpu 2</c>) would
    /// silently become part of the guest's command line.
    /// </summary>
    private static string[] KernelArguments(ParseResult parse, string[] values)
    {
        var tokens = parse.Tokens;
        var doubleDash = tokens.ToList().FindIndex(t => t.Type == TokenType.DoubleDash);
        var afterDoubleDash = doubleDash < 0 ? 0 : tokens.Count - doubleDash - 1;
        if (values.Length > afterDoubleDash)
            throw new NacreException($"unrecognized argument '{values[0]}' (kernel arguments go after --)");
        return values;
    }
}
