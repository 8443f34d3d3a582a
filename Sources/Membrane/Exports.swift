@_exported import MembraneUnits
@_exported import MembraneNumerics
@_exported import MembraneLanes
@_exported import MembraneChemistry
@_exported import MembranePhysics
@_exported import MembraneDynamics
