import groovy.json.JsonSlurper

def server = System.getProperties().remove('fakeaws:' + basedir)
File generated = new File(localRepositoryPath, 'it/lambda/generated/big-random')
try {
  def lock = new JsonSlurper().parse(new File(basedir, 'lambda-layers.lock.json'))
  def layer = lock.layers[0]
  assert layer.name == 'big'
  assert layer.published*.layerVersionArn == ['arn:aws:lambda:eu-west-1:123456789012:layer:big:1']
  assert layer.published[0].codeSha256 == layer.codeSha256

  File zip = new File(basedir, 'target/lambda').listFiles().find { it.name ==~ /big-[0-9a-f]{12}\.zip/ }
  assert zip != null && zip.length() > 52_428_800L : "the layer zip must be over 50 MB: ${zip?.length()}"

  // Through S3 as a multipart upload of 16 MB parts, and never inline: every byte uploaded is one
  // of the parts (an inline ZipFile would count the zip a second time).
  def ops = server.callsByOperation()
  assert ops['CreateMultipartUpload'] == 1
  assert ops['UploadPart'] == (int) Math.ceil(zip.length() / (16 * 1024 * 1024))
  assert ops['CompleteMultipartUpload'] == 1
  assert !ops.containsKey('AbortMultipartUpload')
  assert server.bytesUploaded() == zip.length()
  assert server.objectExists('eu-west-1', 'artifacts-eu-west-1', "lambda-layers/big/${layer.sha256}.zip")

  def report = new JsonSlurper().parse(new File(basedir, 'target/lambda/publish.json'))
  assert report.layers[0].uploadedBytes == zip.length()
} finally {
  server?.close()
  // Large files stay out of the build tree once checked.
  generated.deleteDir()
  new File(basedir, 'target/lambda').listFiles().findAll { it.name.endsWith('.zip') }*.delete()
}
return true
