namespace Internal.Runtime
{
    internal unsafe partial struct MethodTable
    {
        /// <summary>
        /// The type's pointer-sized writable cell (the second rel32 after the interface map). ilc
        /// stores there the RuntimeType object it pre-allocated for typeof of this type, when the
        /// program has one; otherwise it is zero until the core library caches one (Type.cs).
        /// </summary>
        public nint* WritableData => (nint*)ReadRelPtr32((int*)((byte*)InterfaceMap + _usNumInterfaces * sizeof(nint)) + 1);
    }
}
