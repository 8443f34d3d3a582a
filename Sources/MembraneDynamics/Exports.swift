/// The lane kernels (GatedCellStructure, GatedCellKernel, …) are part of this module's API (``GatedCellStructure/compile(_:)``).
@_exported import MembraneLanes
