using System.Runtime.InteropServices;

namespace Nacre.Hvm
{
    /// <summary>
    /// One CPU's invoke mailbox in VMM-provided memory (docs/hvm.md): one cache line written by
    /// the host (Function, Args, then Request) and answered by this CPU (Result, then Done).
    /// A call is pending while Request != Done.
    /// </summary>
    [StructLayout(LayoutKind.Sequential, Size = 64)]
    public struct Mailbox
    {
        public ulong Request;
        public ulong Function;
        public long Arg0, Arg1, Arg2, Arg3;
        public long Result;
        public ulong Done;
    }
}
