// Every file in the core library may throw through ThrowHelpers and read MethodTables.
global using Internal.Runtime;
global using Internal.Runtime.CompilerHelpers;
