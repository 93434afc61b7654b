using Internal.Runtime.TypeLoader;

namespace System.Runtime
{
    /// <summary>
    /// ilc compiles every call of a generic virtual method (a virtual or interface method with
    /// its own type parameters, called through a base or interface) as a call to
    /// GVMLookupForSlot with the object and a handle naming the method instantiation, then calls
    /// what it returns: a code address, or a fat pointer (bit 1 set) to shared code and the
    /// generic dictionary it needs. docs/corelib.md says which calls are supported.
    /// </summary>
    internal static unsafe class TypeLoaderExports
    {
        public static nint GVMLookupForSlot(object obj, RuntimeMethodHandle slot)
        {
            if (obj == null) ThrowHelpers.ThrowNullReferenceException();
            MethodTable* type = obj.GetMethodTable();
            nint handle = slot._value;
            if (GenericVirtualMethodCache.TryGet(type, handle, out nint target)) return target;
            target = GenericVirtualMethodResolver.Resolve(type, handle);
            GenericVirtualMethodCache.Add(type, handle, target);
            return target;
        }
    }
}
