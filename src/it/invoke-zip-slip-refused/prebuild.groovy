import java.util.zip.ZipEntry
import java.util.zip.ZipOutputStream

// What lambda:layer would have written, but with a layer that climbs out of its folder.
File lambda = new File(basedir, 'target/lambda')
lambda.mkdirs()
def zip = { String name, Map<String, String> entries ->
  new ZipOutputStream(new FileOutputStream(new File(lambda, name))).withCloseable { out ->
    entries.each { entry, text ->
      out.putNextEntry(new ZipEntry(entry))
      out.write(text.bytes)
      out.closeEntry()
    }
  }
}
zip('invoke-zip-slip-refused-function.zip', ['com/example/Readme.txt': 'function'])
zip('evil-layer.zip', ['java/lib/ok.jar': 'not really a jar', '../evil': 'escaped'])
new File(lambda, 'build.json').text = '''{
  "reportVersion" : 1,
  "runtimes" : [ "java17" ],
  "layers" : [ { "name" : "evil", "file" : "evil-layer.zip", "libraries" : [ ] } ],
  "function" : { "name" : "invoke-zip-slip-refused", "file" : "invoke-zip-slip-refused-function.zip", "libraries" : [ ] },
  "sharedLayers" : [ ],
  "classPathLayers" : [ { "name" : "evil", "file" : "evil-layer.zip" } ]
}
'''
return true
