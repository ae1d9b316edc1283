/** System tests of the release catalog: publishing, search, discussion, retirement, web seed. */
package org.everseed.it.catalog;
