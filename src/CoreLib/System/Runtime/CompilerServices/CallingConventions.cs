namespace System.Runtime.CompilerServices
{
    // Calling-convention markers for function pointers (delegate* unmanaged[Cdecl, SuppressGCTransition]):
    // the kernel calls C code through them (the .NET world's programs), and an unmanaged call is
    // taken as it is — a managed calli in NativeAOT treats an address with bit 1 set as a fat
    // generic function pointer, which a C function's address may well be.
    public class CallConvCdecl { }
    public class CallConvStdcall { }
    public class CallConvThiscall { }
    public class CallConvFastcall { }
    public class CallConvSuppressGCTransition { }
    public class CallConvMemberFunction { }
}
