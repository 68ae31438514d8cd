package dev.plumbline.core.model;

/**
 * One input a topology was built from.
 *
 * @param location the file path as the user gave it, or the scope read live
 * @param shape the shape the loader recognised ("arm-array", "resource-graph", "arm-template", "snapshot", ...)
 * @param resources how many top-level resources it contributed
 * @param sha256 hex digest of the file's bytes, or "" for live reads
 */
public record InputSource(String location, String shape, int resources, String sha256) {}
