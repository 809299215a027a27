import Foundation

/// Files that publish a Broadside site, for a project to start with.
public enum PublishingFiles {
    public static let pagesWorkflowPath = ".github/workflows/broadside-pages.yml"

    /// Writes the GitHub Pages workflow into the project folder `root`, unless it has one:
    /// a workflow there is its owner's. (`broadside new site` writes it as one of its files.)
    public static func writePagesWorkflow(into root: URL) throws {
        let url = root.appendingPathComponent(pagesWorkflowPath)
        guard !FileManager.default.fileExists(atPath: url.path) else { return }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(pagesWorkflow.utf8).write(to: url)
    }

    /// A GitHub Actions workflow that builds Broadside from the repository named by the
    /// `BROADSIDE_REPOSITORY` variable, builds the site and publishes `Output/` to GitHub Pages.
    public static let pagesWorkflow = #"""
        # Builds the site with Broadside and publishes it to GitHub Pages on every push to main.
        # Settings → Pages → Source: GitHub Actions. Settings → Secrets and variables → Actions →
        # Variables: BROADSIDE_REPOSITORY = the Broadside repository, like owner/broadside.
        # Printable PDF handouts also need WeasyPrint (see print-deps in Broadside's Makefile);
        # without it the site is built and published without them.
        name: Publish site

        on:
          push:
            branches: [main]
          workflow_dispatch:

        permissions:
          contents: read
          pages: write
          id-token: write

        concurrency:
          group: pages
          cancel-in-progress: false

        jobs:
          build:
            runs-on: ubuntu-latest
            container: swift:6.0-bookworm
            steps:
              - name: Install the libraries Broadside uses
                run: |
                  apt-get update
                  apt-get install -y --no-install-recommends libcmark-dev libqrencode-dev libmimalloc-dev libcurl4-openssl-dev
              - name: Check out the site
                uses: actions/checkout@v4
                with:
                  path: site
              - name: Check out Broadside
                uses: actions/checkout@v4
                with:
                  repository: ${{ vars.BROADSIDE_REPOSITORY }}
                  path: broadside
              - name: Build Broadside
                run: swift build -c release --product broadside --package-path broadside
              - name: Build the site
                working-directory: site
                run: ../broadside/.build/release/broadside build
              - name: Upload the site
                uses: actions/upload-pages-artifact@v3
                with:
                  path: site/Output

          deploy:
            needs: build
            runs-on: ubuntu-latest
            environment:
              name: github-pages
              url: ${{ steps.deployment.outputs.page_url }}
            steps:
              - name: Publish to GitHub Pages
                id: deployment
                uses: actions/deploy-pages@v4

        """#
}
