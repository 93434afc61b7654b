using System;
using System.Runtime;
using Nacre.Arch.X64;
using Nacre.Devices;

namespace Nacre.Diagnostics
{
    /// <summary>
    /// Fatal errors: print what happened, where (CPU, RIP and its symbol, registers, frames) and
    /// stop the machine with the panic exit code. Everything here avoids allocating.
    /// </summary>
    public static unsafe class Panic
    {
        private static int s_depth;

        [RuntimeExport("nacre_unhandled_exception")]
        public static void UnhandledException(object exception)
        {
            // A layer above may take it over (a test that throws fails that test; the run goes on).
            PanicHook.UnhandledException(exception);
            Begin();
            KernelConsole.WriteAscii("unhandled exception ");
            WriteExceptionName(exception);
            KernelConsole.WriteAscii(": ");
            Exception e = exception as Exception;
            string message = e != null ? e.Message : null;
            KernelConsole.WriteAscii(message ?? "(no message)");
            KernelConsole.WriteAscii("\n");
            if (e != null && Internal.Runtime.ExceptionStackTrace.Count(e) > 0) WriteThrowStack(e);
            else WriteBacktrace(Cpu.ReadFramePointer());
            End();
        }

        [RuntimeExport("nacre_fail_fast")]
        public static void FailFast(string message)
        {
            Begin();
            KernelConsole.WriteAscii("Environment.FailFast: ");
            KernelConsole.WriteAscii(message);
            KernelConsole.WriteAscii("\n");
            WriteBacktrace(Cpu.ReadFramePointer());
            End();
        }

        /// <summary>A kernel invariant broke. Never returns.</summary>
        public static void Message(string message)
        {
            Begin();
            KernelConsole.WriteAscii(message);
            KernelConsole.WriteAscii("\n");
            WriteBacktrace(Cpu.ReadFramePointer());
            End();
        }

        /// <summary>A CPU exception: name, vector, error code, faulting address and all registers.</summary>
        public static void Fault(string name, TrapFrame* f)
        {
            // A layer above may take it over (a fault inside a test fails that test, with where it
            // happened, and the run goes on).
            PanicHook.Fault(name, f->Rip, Cpu.ReadCr2());
            Begin();
            KernelConsole.WriteAscii(name);
            KernelConsole.WriteAscii(" (vector ");
            KernelConsole.WriteDecimal((long)f->Vector);
            KernelConsole.WriteAscii(", error 0x");
            KernelConsole.WriteHex(f->ErrorCode, 4);
            KernelConsole.WriteAscii(")\n  RIP=");
            KernelConsole.WriteHex(f->Rip);
            WriteSymbol(f->Rip);
            KernelConsole.WriteAscii("\n  CR2=");
            KernelConsole.WriteHex(Cpu.ReadCr2());
            KernelConsole.WriteAscii(" RSP=");
            KernelConsole.WriteHex(f->Rsp);
            KernelConsole.WriteAscii(" RFLAGS=");
            KernelConsole.WriteHex(f->Rflags, 8);
            KernelConsole.WriteAscii(" CS=");
            KernelConsole.WriteHex(f->Cs, 4);
            KernelConsole.WriteAscii("\n");
            if (f->Vector == Idt.DoubleFault)
                KernelConsole.WriteAscii("  (a double fault here is almost always a stack overflow into a guard page)\n");
            // Deprivileged, the CPU switches stacks for every exception, so an overflow is a plain
            // page fault (no double fault): one just below the stack pointer.
            ulong cr2 = Cpu.ReadCr2();
            if (f->Vector == Traps.PageFault && cr2 < f->Rsp + 64 && cr2 + 2 * 4096 > f->Rsp)
                KernelConsole.WriteAscii("  (a page fault just below the stack pointer is a stack overflow into its guard page)\n");
            Reg("RAX", f->Rax); Reg("RBX", f->Rbx); Reg("RCX", f->Rcx); Reg("RDX", f->Rdx); KernelConsole.WriteAscii("\n");
            Reg("RSI", f->Rsi); Reg("RDI", f->Rdi); Reg("RBP", f->Rbp); Reg("R8 ", f->R8); KernelConsole.WriteAscii("\n");
            Reg("R9 ", f->R9); Reg("R10", f->R10); Reg("R11", f->R11); Reg("R12", f->R12); KernelConsole.WriteAscii("\n");
            Reg("R13", f->R13); Reg("R14", f->R14); Reg("R15", f->R15); KernelConsole.WriteAscii("\n");
            WriteBacktrace(f->Rbp);
            End();
        }

        private static void Reg(string name, ulong value)
        {
            KernelConsole.WriteAscii("  ");
            KernelConsole.WriteAscii(name);
            KernelConsole.WriteAscii("=");
            KernelConsole.WriteHex(value);
        }

        private static void Begin()
        {
            Cpu.DisableInterrupts();
            if (++s_depth > 1)
            {
                KernelConsole.WriteAscii("\n*** PANIC while panicking; stopping\n");
                Platform.Exit(Platform.PanicExitCode);
            }
            KernelConsole.WriteAscii("\n*** PANIC on CPU ");
            // Per-CPU state (GS) exists from early boot on; before it only the APIC id is known.
            Cpus.PerCpu* cpu = Cpus.Cpus.Count > 0 ? Cpus.Cpus.Current : null;
            KernelConsole.WriteDecimal(cpu != null ? cpu->Index : Cpu.CurrentApicId);
            Threads.Thread* thread = cpu != null ? (Threads.Thread*)cpu->CurrentThread : null;
            if (thread != null)
            {
                KernelConsole.WriteAscii(thread->IsIdle ? ", idle thread" : ", thread ");
                if (!thread->IsIdle) KernelConsole.WriteDecimal(thread->Id);
            }
            KernelConsole.WriteAscii(": ");
        }

        private static void End()
        {
            KernelConsole.WriteAscii("*** end of panic\n");
            // What led here, if tracing is on (a panic inside the dump stops at Begin's depth check).
            Tracing.TraceDump.WriteIfTracing();
            Platform.Exit(Platform.PanicExitCode);
        }

        private static void WriteExceptionName(object exception)
        {
            byte* name = Symbols.TypeNameOf(exception);
            if (name != null) KernelConsole.WriteCString(name);
            else
            {
                KernelConsole.WriteAscii("<type at 0x");
                KernelConsole.WriteHex((ulong)Symbols.MethodTableOf(exception));
                KernelConsole.WriteAscii(">");
            }
        }

        private static void WriteSymbol(ulong address)
        {
            byte* name = Symbols.Find(address, out ulong offset);
            if (name == null) return;
            KernelConsole.WriteAscii(" <");
            KernelConsole.WriteCString(name);
            KernelConsole.WriteAscii("+0x");
            KernelConsole.WriteHex(offset, 1 + (offset > 0xF ? 1 : 0) + (offset > 0xFF ? 1 : 0) + (offset > 0xFFF ? 1 : 0));
            KernelConsole.WriteAscii(">");
        }

        /// <summary>Follows the RBP chain (ilc keeps frame pointers) within plausible bounds; runs of one frame (recursion) are folded.</summary>
        private static void WriteBacktrace(ulong rbp)
        {
            KernelConsole.WriteAscii("  backtrace:\n");
            ulong previous = 0;
            int repeats = 0;
            for (int i = 0; i < 4096 && rbp != 0 && (rbp & 7) == 0 && rbp < 0x100000000UL; i++)
            {
                ulong ret = ((ulong*)rbp)[1];
                if (ret == 0) break;
                if (ret == previous) repeats++;
                else
                {
                    WriteRepeats(repeats);
                    repeats = 0;
                    KernelConsole.WriteAscii("    ");
                    KernelConsole.WriteHex(ret);
                    WriteSymbol(ret);
                    KernelConsole.WriteAscii("\n");
                    previous = ret;
                }
                ulong next = ((ulong*)rbp)[0];
                if (next <= rbp) break;
                rbp = next;
            }
            WriteRepeats(repeats);
        }

        /// <summary>The frames the exception passed (recorded by the dispatcher; a rethrow keeps the first throw's).</summary>
        private static void WriteThrowStack(Exception e)
        {
            KernelConsole.WriteAscii("  stack:\n");
            int count = Internal.Runtime.ExceptionStackTrace.Count(e);
            for (int i = 0; i < count; i++)
            {
                ulong address = Internal.Runtime.ExceptionStackTrace.Address(e, i);
                KernelConsole.WriteAscii("    ");
                KernelConsole.WriteHex(address);
                WriteSymbol(address);
                KernelConsole.WriteAscii("\n");
            }
            int dropped = Internal.Runtime.ExceptionStackTrace.Dropped(e);
            if (dropped == 0) return;
            KernelConsole.WriteAscii("    ... ");
            KernelConsole.WriteDecimal(dropped);
            KernelConsole.WriteAscii(" more frames\n");
        }

        private static void WriteRepeats(int repeats)
        {
            if (repeats == 0) return;
            KernelConsole.WriteAscii("    ... the same frame ");
            KernelConsole.WriteDecimal(repeats);
            KernelConsole.WriteAscii(" more times\n");
        }
    }
}
