// Builds Kannustin's static assets: scss/kannustin.scss → ../static/css/kannustin.css (compressed), and
// copies GOV.UK Frontend's JavaScript, our module and our images into ../static/. Run: npm run build.
import { copyFile, mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as sass from 'sass'

const here = dirname(fileURLToPath(import.meta.url))
const out = join(here, '..', 'static')
const govuk = join(here, 'node_modules', 'govuk-frontend', 'dist', 'govuk')

const copies = [
  [join(govuk, 'govuk-frontend.min.js'), join(out, 'js', 'govuk-frontend.min.js')],
  // The minified file names its source map; collectstatic's manifest storage needs the map to exist.
  [join(govuk, 'govuk-frontend.min.js.map'), join(out, 'js', 'govuk-frontend.min.js.map')],
  [join(here, 'js', 'kannustin.js'), join(out, 'js', 'kannustin.js')],
  [join(here, 'images', 'favicon.svg'), join(out, 'images', 'favicon.svg')]
]

const result = sass.compile(join(here, 'scss', 'kannustin.scss'), {
  style: 'compressed',
  loadPaths: [join(here, 'node_modules')],
  quietDeps: true
})
await mkdir(join(out, 'css'), { recursive: true })
await writeFile(join(out, 'css', 'kannustin.css'), result.css + '\n')
for (const [from, to] of copies) {
  await mkdir(dirname(to), { recursive: true })
  await copyFile(from, to)
}
console.log(`static/css/kannustin.css: ${result.css.length} bytes; copied ${copies.length} files`)
