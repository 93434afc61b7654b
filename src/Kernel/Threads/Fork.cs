using System.Runtime;
using System.Runtime.CompilerServices;
using Nacre.Diagnostics;

namespace Nacre.Threads
{
    public unsafe partial struct Thread
    {
        /// <summary>
        /// Clones the calling function into a new thread (nk_thread_fork). Returns the child to
        /// the parent and null in the child. The child runs the rest of the function on its own
        /// stack, from a copy of the function's frame taken at the call; when the function
        /// returns, the child exits with the returned value (so Join gives it back). The child is
        /// a child of the caller, bound to cpu (or placed like any thread), with a stack as large
        /// as the caller's. Its thread statics and ThreadLocal slots start empty.
        ///
        /// Rules for the forking function (see docs/threads.md):
        /// - mark it [MethodImpl(MethodImplOptions.NoInlining)]: inlined into its caller, the
        ///   caller's frame would be cloned instead, and the child would run the caller's rest;
        /// - return long (or a pointer): the child's exit value is rax as the function leaves it;
        /// - hold no byref, Span or pointer into its own frame across the call (stackalloc memory
        ///   is copied, pointers to it are not moved); only rbp, the frame pointer, is rebased.
        ///   Locals captured by a lambda live in a heap object and are shared by both threads;
        /// - touch no [ThreadStatic] field after the call in the function itself: ilc keeps the
        ///   thread-static base it found before, the parent's; call another method for the child's;
        /// - it must be C# (the frame's size comes from the unwind information ilc emits).
        /// </summary>
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_thread_fork")]
        public static extern Thread* Fork(int cpu = AnyCpu);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_fork_child_address")]
        private static extern ulong ForkChildAddress();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_fork_exit_address")]
        private static extern ulong ForkExitAddress();

        // arch_thread_fork's context: the registers it pushed, then its return address.
        private const int SavedR15 = 0, SavedR14 = 1, SavedR13 = 2, SavedR12 = 3, SavedRbx = 4, SavedRbp = 5,
            ReturnAddress = 6, ContextWords = 7;

        // Kept free above the child's copy of the frame: an ended frame chain (0, 0) and alignment.
        private const ulong TopPadding = 16;
        private const ulong FlagsInterruptsOff = 0x2;

        /// <summary>Builds and starts the child (from arch_thread_fork, on the parent's stack).</summary>
        [RuntimeExport("nacre_thread_fork")]
        private static Thread* ForkFrom(ulong* context, int cpu)
        {
            Thread* parent = Current;
            if (parent == null) Panic.Message("Thread.Fork: no threads yet");
            ulong callerSp = (ulong)(context + ContextWords); // the forking function's rsp at its call
            ulong returnAddress = context[ReturnAddress];
            if (!Internal.Runtime.CallFrameInfo.FindFrame(returnAddress - 1, out Internal.Runtime.FrameRule rule))
                Panic.Message("Thread.Fork: no unwind information for the calling function");
            // Its CFA: the top of its frame, where its own return address ends (the ABI aligns it to 16).
            ulong cfa = (rule.CfaFromRbp ? context[SavedRbp] : callerSp) + (ulong)rule.CfaOffset;
            ulong parentTop = parent->StackBottom + parent->StackSize;
            if (cfa <= callerSp || cfa > parentTop || ((cfa | callerSp) & 15) != 0)
                Panic.Message("Thread.Fork: the calling function's frame is not where its unwind information says");

            Thread* child = ThreadPool.Take(parent->StackSize);
            ulong childCfa = child->StackBottom + child->StackSize - TopPadding;
            ulong copied = cfa - callerSp + 8; // the frame and the return address into it
            if (copied + 256 > child->StackSize) Panic.Message("Thread.Fork: the calling function's frame is larger than a stack");
            ulong delta = childCfa - cfa;      // added to an address in the parent's frame: the same place in the child's

            System.Buffer.Memmove((byte*)(callerSp - 8 + delta), (byte*)(callerSp - 8), (nuint)copied);
            ((ulong*)childCfa)[0] = 0;
            ((ulong*)childCfa)[1] = 0;
            // When the function returns in the child, it ends the thread; it restores no caller's frame pointer.
            *(ulong*)(childCfa - 8) = ForkExitAddress();
            if (rule.SavedRbpOffset != 0) *(ulong*)(childCfa + (ulong)rule.SavedRbpOffset) = 0;
            // The frame pointer, if it points into the frame, must point into the copy. If the
            // function does not save rbp, it does not use it: the child's chain ends there.
            ulong rbp = context[SavedRbp];
            if (rbp >= callerSp && rbp < cfa) rbp += delta;
            else if (rule.SavedRbpOffset == 0) rbp = 0;

            // The first switch to the child resumes arch_fork_child with the parent's registers;
            // it restores the parent's RFLAGS (pushed here: the interrupt state, virtual or not,
            // as the parent called Fork) and returns null from Fork.
            ulong* sp = (ulong*)(callerSp - 8 + delta);
            *--sp = Arch.X64.Cpu.ReadFlags();
            child->SavedRsp = Arch.X64.Context.SwitchFrame(sp, ForkChildAddress(), FlagsInterruptsOff, rbp,
                context[SavedRbx], context[SavedR12], context[SavedR13], context[SavedR14], context[SavedR15]);
            child->BoundCpu = cpu;
            Run(child);
            return child;
        }

        /// <summary>The child's first C# code (from arch_fork_child, interrupts off), as after any switch.</summary>
        [RuntimeExport("nacre_fork_child_start")]
        private static void ForkChildStart(ulong flags)
        {
            ThreadScheduler.FinishSwitch();
            Arch.X64.Cpu.RestoreFlags(flags);
        }

        /// <summary>The child's copy of the forking function returned value (from arch_fork_exit).</summary>
        [RuntimeExport("nacre_fork_exit")]
        private static void ForkExit(long value) => Exit(value);
    }
}
