String log = new File(basedir, 'build.log').text
File zip = new File(basedir, 'target/lambda/evil-layer.zip')
assert log.contains("Refused to unpack ${zip.canonicalPath}: entry '../evil' climbs out of the target folder with '..'") ||
    log.contains("Refused to unpack ${zip.absolutePath}: entry '../evil' climbs out of the target folder with '..'")
// Nothing was written outside the layers' folder, nor the layer's other entry (checked before writing).
assert !new File(basedir, 'target/lambda/invoke/evil').exists()
assert !new File(basedir, 'target/lambda/evil').exists()
assert !new File(basedir, 'target/lambda/invoke/opt/java/lib/ok.jar').exists()
