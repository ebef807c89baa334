package io.televisit.quality.pipeline;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.CodeSystem;

import java.util.List;

/**
 * HAPI FHIR's R4 instance validator (StructureDefinitions, value sets, UCUM) with Televisit's code system loaded, as
 * an EHR would validate an imported Observation. Built once: loading the definitions takes seconds.
 */
final class FhirValidation {

    private static FhirValidator validator;
    private static FhirContext context;

    private FhirValidation() {
    }

    /** Every message at WARNING or above. */
    static synchronized List<String> problems(String resourceJson, String codeSystemJson) {
        if (validator == null) {
            context = FhirContext.forR4();
            PrePopulatedValidationSupport televisit = new PrePopulatedValidationSupport(context);
            televisit.addCodeSystem(context.newJsonParser().parseResource(CodeSystem.class, codeSystemJson));
            ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(context),
                    televisit, new InMemoryTerminologyServerValidationSupport(context),
                    new CommonCodeSystemsTerminologyService(context));
            validator = context.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
        }
        return validator.validateWithResult(resourceJson).getMessages().stream()
                .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.WARNING.ordinal())
                .map(FhirValidation::describe).toList();
    }

    private static String describe(SingleValidationMessage m) {
        return m.getSeverity() + " " + m.getLocationString() + ": " + m.getMessage();
    }
}
