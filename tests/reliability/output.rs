//! The output folder and the files secdraft reads: nothing lost, nothing half-written.
