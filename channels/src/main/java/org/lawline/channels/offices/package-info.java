/**
 * What several channels answer alike to something only a messaging platform sends: a shared
 * location is answered with the nearest legal-service offices of the bundled directory.
 */
package org.lawline.channels.offices;
