package eu.somework.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** JAX-RS at the root: every page and endpoint of the tool is a resource. */
@ApplicationPath("/")
public class SomeWorkApplication extends Application {}
