package org.mms;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The pure core never reaches for I/O: files, sockets, databases, HTTP, mail, JSON, CLI or web frameworks. */
@AnalyzeClasses(packages = "org.mms", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    // "org.mms.itip" and "org.mms.calendar" without dots: the packages themselves are pure, their
    // sub-packages (itip.mail, calendar.caldav, calendar.graph) are adapters.
    private static final String[] PURE_PACKAGES = {
        "org.mms.ical..", "org.mms.block..", "org.mms.migration..", "org.mms.detection..", "org.mms.itip", "org.mms.queue..",
        "org.mms.calendar", "org.mms.directory..", "org.mms.access.."
    };

    private static final String[] IO_PACKAGES = {
        "java.sql..", "javax.sql..", "java.net.http..", "java.nio.file..", "java.nio.channels..",
        "jakarta.mail..", "org.eclipse.angus..", "io.javalin..", "picocli..", "tools.jackson..",
        "com.fasterxml.jackson..", "com.zaxxer..", "org.h2..", "org.postgresql..", "org.flywaydb..", "org.jdbi.."
    };

    @ArchTest
    static final ArchRule pure_packages_use_no_io_libraries = noClasses()
            .that().resideInAnyPackage(PURE_PACKAGES)
            .should().dependOnClassesThat().resideInAnyPackage(IO_PACKAGES)
            .because("the engine is pure: it gets bytes and values and returns edits and decisions");

    @ArchTest
    static final ArchRule pure_packages_touch_no_files_or_sockets = noClasses()
            .that().resideInAnyPackage(PURE_PACKAGES)
            .should().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileInputStream")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileOutputStream")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.RandomAccessFile")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.Socket")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.URLConnection")
            .because("reading and writing belong to the adapters (offline tool, stores, mailers)");

    @ArchTest
    static final ArchRule pure_packages_do_not_depend_on_adapters = noClasses()
            .that().resideInAnyPackage(PURE_PACKAGES)
            .should().dependOnClassesThat().resideInAnyPackage("org.mms.cli..", "org.mms.offline..", "org.mms.itip.mail..", "org.mms.db..",
                    "org.mms.calendar.caldav..", "org.mms.calendar.graph..")
            .because("dependencies point inward, from adapters to the core");
}
