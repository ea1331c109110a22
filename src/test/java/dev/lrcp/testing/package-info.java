/** Support shared by the tests of several packages; it holds no tests and no production code. */
package dev.lrcp.testing;
