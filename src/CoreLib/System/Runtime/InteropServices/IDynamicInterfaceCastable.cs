namespace System.Runtime.InteropServices
{
    /// <summary>Required by ilc's scanner by name; Nacre has no dynamic interface casting.</summary>
    public interface IDynamicInterfaceCastable
    {
        RuntimeTypeHandle GetInterfaceImplementation(RuntimeTypeHandle interfaceType);
        bool IsInterfaceImplemented(RuntimeTypeHandle interfaceType, bool throwIfNotImplemented);

        internal static unsafe nint GetDynamicInterfaceImplementation(IDynamicInterfaceCastable instance, MethodTable* interfaceType, ushort slot)
        {
            ThrowHelpers.ThrowNotSupportedException();
            return 0;
        }
    }
}
