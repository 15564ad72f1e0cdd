/**
 * What the site lets run in a reader's browser: nothing. Files that ship beside the lessons pass
 * {@link io.github.poolbench.assets.AssetPolicy} (copied, sanitised or refused), SVG images go
 * through {@link io.github.poolbench.assets.SvgSanitizer}, and every page and response carries
 * {@link io.github.poolbench.assets.AssetPolicy#CONTENT_SECURITY_POLICY}.
 */
package io.github.poolbench.assets;
