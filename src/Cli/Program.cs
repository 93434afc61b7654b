using System.Runtime.InteropServices;
using Nacre.Cli;
using Nacre.Host.Infrastructure;

// Ctrl-C (SIGINT) and SIGTERM cancel the current command, which kills the QEMU or dotnet child
// it is waiting for, rather than leaving a guest running after nacre is gone.
using var interrupt = new CancellationTokenSource();
void Cancel(PosixSignalContext context)
{
    context.Cancel = true; // do not die right away: let the command kill its child and report
    interrupt.Cancel();
}
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);

return NacreCli.Invoke(args, Terminal.Console, interrupt.Token);
